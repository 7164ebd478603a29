// CSRF protection: one random token per session (rotated at login), put in a
// hidden field of every form, compared in every action. SameSite=Lax on the
// session cookie already stops most cross-site posts; the token also covers
// same-site attackers and browsers without SameSite.
import { randomBytes, timingSafeEqual } from 'node:crypto'

export const CSRF_FIELD = 'csrf'

export function createCsrfToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; a missing or empty side never matches. */
export function verifyCsrfToken(expected: unknown, received: unknown): boolean {
  if (typeof expected !== 'string' || typeof received !== 'string') return false
  if (expected.length === 0 || received.length === 0) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(received)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Browsers send Origin on every POST: a different host than ours means the
 * form was posted from another site. Absent Origin (old browsers, API
 * clients) falls back on the token alone. Hosts only: behind a TLS proxy the
 * scheme the server sees can differ from the browser's.
 */
export function isSameOrigin(originHeader: string | null, requestUrl: string): boolean {
  if (!originHeader) return true
  if (originHeader === 'null') return false
  try {
    return new URL(originHeader).host === new URL(requestUrl).host
  } catch {
    return false
  }
}
