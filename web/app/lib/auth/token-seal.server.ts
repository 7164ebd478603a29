// The API session token is the key to a user's account: it lives only in the
// session cookie, and there encrypted (AES-256-GCM), so that the cookie — which
// is signed, not encrypted, by Remix — does not show it to whoever reads it:
// a proxy log, a browser extension, a support screenshot. GCM also
// authenticates it: a modified value is refused, not decrypted to garbage.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
// Deriving a dedicated key keeps the cookie-signing secret and the
// encryption key independent even though both come from SESSION_SECRET.
const SALT = 'comptoir-web'
const INFO = 'api-session-token/v1'

export function deriveTokenKey(secret: string): Buffer {
  if (secret.length < 32) throw new RangeError('SESSION_SECRET must be at least 32 characters long')
  return Buffer.from(hkdfSync('sha256', secret, SALT, INFO, 32))
}

/** version ‖ iv ‖ tag ‖ ciphertext, base64url. */
export function sealToken(token: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64url')
}

/** The token, or null when the value was tampered with, truncated or sealed with another key. */
export function unsealToken(sealed: string, key: Buffer): string | null {
  const bytes = Buffer.from(sealed, 'base64url')
  if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) return null
  const iv = bytes.subarray(1, 1 + IV_BYTES)
  const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
  const ciphertext = bytes.subarray(1 + IV_BYTES + TAG_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
