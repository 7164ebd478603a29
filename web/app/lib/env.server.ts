// The web server's configuration, read from the environment in one place.
// scripts/lib/environment.mjs (webEnv) computes these for make dev/start/test.

export interface WebConfig {
  /** Where the API listens (server-to-server; the browser never calls it). */
  apiUrl: string
  /** Signs the session cookie and, through a derived key, encrypts the API token in it. */
  sessionSecret: string
  /** Secure cookies: on in production unless COOKIE_SECURE=false (plain-HTTP test rigs). */
  cookieSecure: boolean
  apiTimeoutMs: number
}

let cached: WebConfig | undefined

export function webConfig(): WebConfig {
  if (cached) return cached
  const sessionSecret = process.env.SESSION_SECRET ?? ''
  if (sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET must be set to at least 32 random characters (make dev/start generate one).')
  }
  const isProduction = process.env.NODE_ENV === 'production'
  const secureSetting = process.env.COOKIE_SECURE
  cached = {
    apiUrl: (process.env.API_URL || 'http://127.0.0.1:3333').replace(/\/+$/, ''),
    sessionSecret,
    cookieSecure: secureSetting === undefined || secureSetting === '' ? isProduction : secureSetting !== 'false',
    apiTimeoutMs: Number(process.env.API_TIMEOUT_MS ?? 8_000),
  }
  return cached
}
