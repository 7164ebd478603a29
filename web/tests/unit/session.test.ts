import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'

// The session module reads its secret from the environment, as in production.
process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0001'
process.env.NODE_ENV = 'production'

type SessionModule = typeof import('../../app/lib/auth/session.server.ts')
let sessions: SessionModule

before(async () => {
  sessions = await import('../../app/lib/auth/session.server.ts')
})

const TOKEN = 'cpt_SessionTokenForTheUnitTests_0123456789abcdefghij'
const user = { id: 3, username: 'caissier1', fullName: 'Caissier', role: 'clerk' as const, storeId: 1 }

async function signedInCookie(now = Date.now()) {
  const session = await sessions.getSession(new Request('http://web.test/'))
  sessions.signIn(session, { token: TOKEN, expiresAt: new Date(now + 12 * 3600_000).toISOString(), user }, now)
  return sessions.commitSession(session)
}

function requestWith(setCookie: string) {
  return new Request('http://web.test/', { headers: { Cookie: setCookie.split(';')[0] ?? '' } })
}

describe('the session cookie', () => {
  test('is httpOnly, SameSite=Lax, Secure in production, and never shows the API token', async () => {
    const setCookie = await signedInCookie()
    assert.match(setCookie, /HttpOnly/)
    assert.match(setCookie, /SameSite=Lax/)
    assert.match(setCookie, /Secure/)
    const value = decodeURIComponent(setCookie.split(';')[0]?.split('=').slice(1).join('=') ?? '')
    const payload = Buffer.from(value.split('.')[0] ?? '', 'base64').toString('utf8')
    assert.ok(payload.includes('caissier1'), 'the user summary is there')
    assert.ok(!payload.includes(TOKEN) && !payload.includes('cpt_'), 'the token is not')
  })

  test('gives the token back to the server, and only while the session is valid', async () => {
    const now = Date.now()
    const session = await sessions.getSession(requestWith(await signedInCookie(now)))
    const state = sessions.authState(session, now + 1000)
    assert.equal(state.kind, 'signed-in')
    assert.equal(state.kind === 'signed-in' && state.token, TOKEN)
    // 8 hours idle, or past the 12-hour API token: signed out.
    assert.equal(sessions.authState(session, now + 8 * 3600_000).kind, 'expired')
    sessions.touch(session, now + 7 * 3600_000)
    assert.equal(sessions.authState(session, now + 9 * 3600_000).kind, 'signed-in')
    assert.equal(sessions.authState(session, now + 12 * 3600_000 + 1).kind, 'expired')
  })

  test('a modified cookie is not accepted', async () => {
    const setCookie = await signedInCookie()
    const [name, value] = (setCookie.split(';')[0] ?? '').split('=')
    const tampered = `${name}=${(value ?? '').replace(/^.{10}/, 'eyJhdXRoIj')}`
    const session = await sessions.getSession(new Request('http://web.test/', { headers: { Cookie: tampered } }))
    assert.equal(sessions.authState(session).kind, 'anonymous')
  })

  test('signing in rotates the CSRF token; signing out drops the account and the carts', async () => {
    const session = await sessions.getSession(new Request('http://web.test/'))
    const before = sessions.ensureCsrfToken(session).token
    sessions.signIn(session, { token: TOKEN, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user })
    assert.notEqual(session.get('csrf'), before)
    session.set('carts', { '1': '7:2' })
    sessions.signOut(session)
    assert.equal(session.get('auth'), undefined)
    assert.equal(session.get('carts'), undefined)
    assert.equal(sessions.authState(session).kind, 'anonymous')
  })

  test('redirects only to local paths after login', () => {
    assert.equal(sessions.safeRedirectPath('/caisses/1/vente'), '/caisses/1/vente')
    assert.equal(sessions.safeRedirectPath('/ventes?du=2026-12-01&page=2'), '/ventes?du=2026-12-01&page=2')
    // Browsers drop tabs and line breaks and read « \\ » as « / » (/\t/evil.example is //evil.example to them); our own paths hold no raw space or control character either.
    const hidden = ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\t\\evil.example', '/ /evil.example', '/\u0000/evil.example']
    for (const hostile of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', null, ...hidden]) {
      assert.equal(sessions.safeRedirectPath(hostile, '/'), '/', String(hostile))
    }
  })

  test('a form sent without a session: the sign-in page says nothing was recorded, and calls it an expiry only when it was one', async () => {
    const { signInNotice } = await import('../../app/lib/auth/sign-in-notice.ts')
    const post = new Request('http://web.test/caisses/3/vente', { method: 'POST' })
    const where = async (session: Awaited<ReturnType<typeof sessions.getSession>>, reason: 'anonymous' | 'expired', request = post) =>
      new URL((await sessions.loginRedirect(request, session, reason)).headers.get('Location') ?? '', 'http://web.test')
    // Signed out in another tab: the cookie holds no account, so this is no expiry.
    const signedOut = await where(await sessions.getSession(new Request('http://web.test/')), 'anonymous')
    assert.equal(signedOut.searchParams.get('redirectTo'), '/caisses/3/vente')
    assert.equal(signInNotice(signedOut.searchParams, false), 'auth.signedOutUnsent')
    const expired = await where(await sessions.getSession(new Request('http://web.test/')), 'expired')
    assert.equal(signInNotice(expired.searchParams, false), 'auth.expiredUnsent')
    // A page asked for: expired says so, anonymous says nothing.
    const get = new Request('http://web.test/ventes')
    assert.equal(signInNotice((await where(await sessions.getSession(get), 'expired', get)).searchParams, false), 'auth.expired')
    assert.equal(signInNotice((await where(await sessions.getSession(get), 'anonymous', get)).searchParams, false), null)
    assert.equal(signInNotice(new URLSearchParams(), true), 'auth.expired', 'the cookie itself says it expired')
  })
})
