import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'

// The cookie is signed and its content sealed with keys derived from the session secret.
process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0001'
process.env.NODE_ENV = 'production'

type NewTokenModule = typeof import('../../app/lib/access/new-token.server.ts')
let newTokens: NewTokenModule

before(async () => {
  newTokens = await import('../../app/lib/access/new-token.server.ts')
})

const SECRET = 'cpt_IntegrationSecretShownOnce_0123456789abcdefghij'
const ADMIN_ID = 1

function requestWith(setCookie: string, path = '/jetons') {
  return new Request(`http://web.test${path}`, { headers: { Cookie: setCookie.split(';')[0] ?? '' } })
}

describe('a new API token travels to the tokens page in a one-time cookie', () => {
  test('httpOnly, short-lived, and the secret never readable in it', async () => {
    const setCookie = await newTokens.rememberNewToken({ id: 7, name: 'erp', token: SECRET }, ADMIN_ID)
    assert.match(setCookie, /^comptoir_new_token=/)
    assert.match(setCookie, /HttpOnly/i)
    // Path=/: with JavaScript the page's data comes from /jetons.data, outside a /jetons path.
    assert.match(setCookie, /Path=\/;/)
    assert.match(setCookie, /Max-Age=300/)
    assert.match(setCookie, /SameSite=Lax/i)
    assert.match(setCookie, /Secure/)
    const value = decodeURIComponent(setCookie.split(';')[0]!.split('=').slice(1).join('='))
    const payload = Buffer.from(value.split('.')[0] ?? '', 'base64').toString('utf8')
    assert.doesNotMatch(payload, /cpt_/, 'the secret is sealed inside the cookie')
    assert.doesNotMatch(setCookie, /cpt_/)
  })

  test('the page that reads it gets the token once, and deletes the cookie', async () => {
    const setCookie = await newTokens.rememberNewToken({ id: 7, name: 'erp', token: SECRET }, ADMIN_ID)
    const taken = await newTokens.takeNewToken(requestWith(setCookie), ADMIN_ID)
    assert.deepEqual(taken.token, { id: 7, name: 'erp', token: SECRET })
    assert.match(taken.setCookie ?? '', /^comptoir_new_token=;?.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/)
    const none = await newTokens.takeNewToken(new Request('http://web.test/jetons'), ADMIN_ID)
    assert.deepEqual(none, { token: null, setCookie: null })
  })

  test('another administrator in the same browser does not see it; a tampered cookie shows nothing', async () => {
    const setCookie = await newTokens.rememberNewToken({ id: 7, name: 'erp', token: SECRET }, ADMIN_ID)
    const other = await newTokens.takeNewToken(requestWith(setCookie), 99)
    assert.equal(other.token, null)
    assert.ok(other.setCookie, 'the cookie is deleted anyway')
    const [pair] = setCookie.split(';')
    const tampered = `${pair!.slice(0, -4)}AAAA`
    const forged = await newTokens.takeNewToken(new Request('http://web.test/jetons', { headers: { Cookie: tampered } }), ADMIN_ID)
    assert.equal(forged.token, null)
  })
})
