import type { IncomingHttpHeaders } from 'node:http'

/**
 * The token a request presents: the original `X-API-Token: <t>` header
 * first, then the documented `Authorization: Bearer <t>`. The auth
 * middleware and the answer memo (its answers are keyed by the token) read
 * it here, so they never disagree on which one wins.
 */
export function tokenInHeaders(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-token']
  if (typeof header === 'string' && header) return header.trim()
  const authorization = headers.authorization
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim()
  return null
}
