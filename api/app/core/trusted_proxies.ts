import proxyAddr from 'proxy-addr'

/*
 * Which peers may tell the API a client's address (X-Forwarded-For): the
 * login limits count failures per client address, so a peer trusted by
 * mistake lets anyone behind it pick a fresh address per guess. By default
 * only this host (nginx and the web app of `make lb`); a deployment whose
 * proxies sit elsewhere lists them (compose: its own network).
 */
export const DEFAULT_TRUSTED_PROXIES = ['loopback']

/**
 * Env validator for TRUST_PROXY (start/env.ts): a comma-separated list of
 * addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal).
 */
export function trustedProxies(key: string, value?: string): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const list = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  try {
    proxyAddr.compile(list)
  } catch (error) {
    throw new Error(`${key} must list addresses, CIDR ranges or loopback/linklocal/uniquelocal (got "${value}"): ${(error as Error).message}`)
  }
  return list
}
