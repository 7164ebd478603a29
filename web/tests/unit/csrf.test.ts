import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { createCsrfToken, isSameOrigin, verifyCsrfToken } from '../../app/lib/auth/csrf.server.ts'

describe('CSRF tokens', () => {
  test('are long, random and URL-safe', () => {
    const a = createCsrfToken()
    const b = createCsrfToken()
    assert.notEqual(a, b)
    assert.match(a, /^[A-Za-z0-9_-]{43}$/)
  })

  test('match only the exact token of the session', () => {
    const token = createCsrfToken()
    assert.equal(verifyCsrfToken(token, token), true)
    assert.equal(verifyCsrfToken(token, token.slice(0, -1)), false)
    assert.equal(verifyCsrfToken(token, `${token}x`), false)
    assert.equal(verifyCsrfToken(token, createCsrfToken()), false)
  })

  test('a missing side never matches (no session, no field, empty values)', () => {
    const token = createCsrfToken()
    assert.equal(verifyCsrfToken(undefined, token), false)
    assert.equal(verifyCsrfToken(token, null), false)
    assert.equal(verifyCsrfToken('', ''), false)
    assert.equal(verifyCsrfToken(undefined, undefined), false)
    assert.equal(verifyCsrfToken(token, new File([token], 'csrf')), false)
  })
})

describe('isSameOrigin', () => {
  test('accepts our own host (any scheme, behind a TLS proxy) and a missing Origin', () => {
    assert.equal(isSameOrigin('http://127.0.0.1:3000', 'http://127.0.0.1:3000/caisses/1/vente'), true)
    assert.equal(isSameOrigin('https://pos.example.com', 'http://pos.example.com/x'), true)
    assert.equal(isSameOrigin(null, 'http://127.0.0.1:3000/x'), true)
  })

  test('refuses another site, and the opaque "null" origin', () => {
    assert.equal(isSameOrigin('https://evil.example', 'http://127.0.0.1:3000/x'), false)
    assert.equal(isSameOrigin('http://127.0.0.1:3001', 'http://127.0.0.1:3000/x'), false)
    assert.equal(isSameOrigin('null', 'http://127.0.0.1:3000/x'), false)
    assert.equal(isSameOrigin('pas une url', 'http://127.0.0.1:3000/x'), false)
  })
})
