// The API session token is the key to a user's account: it lives only in the
// session cookie, and there encrypted (AES-256-GCM), so that the cookie — which
// is signed, not encrypted, by Remix — does not show it to whoever reads it:
// a proxy log, a browser extension, a support screenshot. GCM also
// authenticates it: a modified value is refused, not decrypted to garbage.
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
// Deriving a dedicated key keeps the cookie-signing secret and the
// encryption key independent even though both come from SESSION_SECRET.
const SALT = 'comptoir-web'
const INFO = 'api-session-token/v1'

// A KeyObject, not a Buffer: given a Buffer, every cipher would build one again.
export function deriveTokenKey(secret: string): KeyObject {
  if (secret.length < 32) throw new RangeError('SESSION_SECRET must be at least 32 characters long')
  return createSecretKey(Buffer.from(hkdfSync('sha256', secret, SALT, INFO, 32)))
}

/** version ‖ iv ‖ tag ‖ ciphertext, base64url. */
export function sealToken(token: string, key: KeyObject): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64url')
}

// Every page a user loads presents the same sealed value: what it opened to is
// remembered (per key, the latest MEMO_SIZE values) instead of deciphered again.
// Only values that passed GCM's check are remembered, so a forged one is still refused.
const MEMO_SIZE = 1_000
const opened = new WeakMap<KeyObject, Map<string, string>>()

/** The token, or null when the value was tampered with, truncated or sealed with another key. */
export function unsealToken(sealed: string, key: KeyObject): string | null {
  let memo = opened.get(key)
  if (!memo) opened.set(key, (memo = new Map()))
  const known = memo.get(sealed)
  if (known !== undefined) return known
  const token = decipherToken(sealed, key)
  if (token !== null) {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string)
    memo.set(sealed, token)
  }
  return token
}

function decipherToken(sealed: string, key: KeyObject): string | null {
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
