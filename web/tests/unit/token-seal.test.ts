import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { deriveTokenKey, sealToken, unsealToken } from '../../app/lib/auth/token-seal.server.ts'

const SECRET = 'un-secret-de-session-de-test-assez-long-0123456789'
const TOKEN = 'cpt_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefg'

describe('API token sealing (AES-256-GCM, key derived from SESSION_SECRET)', () => {
  const key = deriveTokenKey(SECRET)

  test('round-trips', () => {
    assert.equal(unsealToken(sealToken(TOKEN, key), key), TOKEN)
  })

  test('hides the token: the sealed value shows no part of it and changes every time', () => {
    const a = sealToken(TOKEN, key)
    const b = sealToken(TOKEN, key)
    assert.notEqual(a, b, 'a fresh IV per seal')
    for (const sealed of [a, b]) {
      assert.ok(!sealed.includes('cpt_'))
      assert.ok(!Buffer.from(sealed, 'base64url').toString('latin1').includes('cpt_'))
    }
  })

  test('detects tampering anywhere (version, IV, tag, ciphertext)', () => {
    const sealed = Buffer.from(sealToken(TOKEN, key), 'base64url')
    for (const index of [0, 1, 14, 20, sealed.length - 1]) {
      const copy = Buffer.from(sealed)
      copy[index] = (copy[index] ?? 0) ^ 0x01
      assert.equal(unsealToken(copy.toString('base64url'), key), null, `byte ${index} flipped`)
    }
  })

  test('refuses truncated values and another secret’s key', () => {
    const sealed = sealToken(TOKEN, key)
    assert.equal(unsealToken(sealed.slice(0, 20), key), null)
    assert.equal(unsealToken('', key), null)
    assert.equal(unsealToken(sealed, deriveTokenKey(`${SECRET}-rotated`)), null)
  })

  test('an opened value is remembered for its key only, and never vouches for a modified copy', () => {
    const sealed = sealToken(TOKEN, key)
    assert.equal(unsealToken(sealed, key), TOKEN)
    assert.equal(unsealToken(sealed, key), TOKEN, 'the second reading comes from memory')
    assert.equal(unsealToken(sealed, deriveTokenKey(`${SECRET}-other`)), null)
    const bytes = Buffer.from(sealed, 'base64url')
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01
    assert.equal(unsealToken(bytes.toString('base64url'), key), null)
  })

  test('remembers a bounded number of values and still opens the ones it let go', () => {
    const first = sealToken(TOKEN, key)
    assert.equal(unsealToken(first, key), TOKEN)
    for (let index = 0; index < 1_100; index++) unsealToken(sealToken(`${TOKEN}${index}`, key), key)
    assert.equal(unsealToken(first, key), TOKEN)
  })

  test('needs a real secret', () => {
    assert.throws(() => deriveTokenKey('court'), RangeError)
  })
})
