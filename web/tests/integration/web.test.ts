// Runs against a live web server (itself talking to a seeded API):
//   WEB_BASE_URL=http://127.0.0.1:3000 E2E_CREDENTIALS=.data/dev-credentials.json npm run test:integration -w web
// Plain HTTP, no browser: what any client (or attacker) sees.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'

import { LEGACY_URL_PAIRS } from '../support/legacy-urls.ts'
import { Browserless, account, baseUrl, credentialsFile } from './browserless.ts'

const SEED_STORES = ['Magasin Centre-Ville', 'Magasin Banlieue', 'Magasin Nord', 'Magasin Sud', 'Magasin Express']

if (!baseUrl) {
  // A suite with nothing to talk to must not report success.
  test('WEB_BASE_URL is set', () => {
    assert.fail(
      'WEB_BASE_URL is not set, so the integration tests cannot run. Start the API (seeded) ' +
        'and the web app, then run e.g. WEB_BASE_URL=http://127.0.0.1:3000 npm run test:integration -w web'
    )
  })
} else {
  describe(`web app at ${baseUrl}`, () => {
    test('pages need a signed-in user: the home page sends to /connexion', async () => {
      const response = await new Browserless().fetch('/')
      assert.equal(response.status, 302)
      assert.equal(response.headers.get('location'), '/connexion')
    })

    test('the login page sets a session cookie (httpOnly, SameSite=Lax) carrying only a CSRF token', async () => {
      const response = await fetch(`${baseUrl}/connexion`)
      assert.equal(response.status, 200)
      const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('comptoir_session='))
      assert.ok(setCookie, 'session cookie set')
      assert.match(setCookie, /HttpOnly/)
      assert.match(setCookie, /SameSite=Lax/)
      const html = await response.text()
      assert.ok(html.includes('name="identifiant"') && html.includes('name="mot_de_passe"'))
    })

    test('a manager signs in and sees every seeded store; the API token never reaches the browser', async () => {
      const client = new Browserless()
      const user = account('gerant')
      const login = await client.signIn(user.username, user.password)
      assert.equal(login.status, 302)
      assert.equal(login.headers.get('location'), '/')
      const home = await client.fetch('/magasins')
      assert.equal(home.status, 200)
      const html = await home.text()
      for (const name of SEED_STORES) assert.ok(html.includes(name), `store "${name}" missing`)
      // Session tokens start with cpt_: neither the page nor the cookie shows one.
      assert.ok(!html.includes('cpt_'))
      const cookie = decodeURIComponent(client.cookies.get('comptoir_session') ?? '')
      assert.ok(cookie.length > 0)
      assert.ok(!Buffer.from(cookie.split('.')[0] ?? '', 'base64').toString('utf8').includes('cpt_'))
    })

    test('wrong credentials: "Identifiants invalides", status 401, nobody signed in', async () => {
      const client = new Browserless()
      const response = await client.signIn(`inconnu-${Date.now()}`, 'mauvais')
      assert.equal(response.status, 401)
      assert.ok((await response.text()).includes('Identifiants invalides'))
      assert.equal((await client.fetch('/magasins')).status, 302)
    })

    test('a POST without the CSRF token is a 403 and changes nothing', async () => {
      const client = new Browserless()
      await client.csrf()
      const response = await client.fetch('/connexion', {
        method: 'POST',
        body: new URLSearchParams({ identifiant: 'gerant', mot_de_passe: account('gerant').password }),
      })
      assert.equal(response.status, 403)
      assert.equal((await client.fetch('/magasins')).status, 302, 'still signed out')
    })

    test('a form posted from another site is a 403 that says so, and changes nothing (it was a bare 500)', async () => {
      const client = new Browserless()
      const user = account('gerant')
      await client.signIn(user.username, user.password)
      const csrf = await client.csrf('/magasins')
      for (const origin of ['http://evil.test', 'null']) {
        const out = await client.fetch('/deconnexion', { method: 'POST', body: new URLSearchParams({ csrf }), headers: { Origin: origin } })
        assert.equal(out.status, 403, `Origin: ${origin}`)
        assert.match(await out.text(), /envoyé depuis un autre site/)
      }
      assert.equal((await client.fetch('/magasins')).status, 200, 'still signed in')
      // Our own origin goes through.
      const own = await client.fetch('/deconnexion', { method: 'POST', body: new URLSearchParams({ csrf }), headers: { Origin: new URL(baseUrl!).origin } })
      assert.equal(own.status, 302)
    })

    test('sign-out is a POST; GET /deconnexion changes nothing', async () => {
      const client = new Browserless()
      const user = account('gerant')
      await client.signIn(user.username, user.password)
      assert.equal((await client.fetch('/deconnexion')).status, 200)
      assert.equal((await client.fetch('/magasins')).status, 200, 'still signed in after a GET')
      const csrf = await client.csrf('/magasins')
      const out = await client.fetch('/deconnexion', { method: 'POST', body: new URLSearchParams({ csrf }) })
      assert.equal(out.status, 302)
      assert.equal((await client.fetch('/magasins')).status, 302)
    })

    test('when the API stops accepting the user’s token (revoked), the next page signs them out', async () => {
      const apiBase = process.env.API_BASE_URL?.replace(/\/+$/, '')
      assert.ok(apiBase, 'API_BASE_URL is needed to revoke a session')
      const credentials = JSON.parse(readFileSync(credentialsFile ?? '', 'utf8')) as { apiToken: string }
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${apiBase}/api/v1${path}`, {
          method,
          headers: { Authorization: `Bearer ${credentials.apiToken}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      const client = new Browserless()
      const user = account('caissier5')
      await client.signIn(user.username, user.password)
      assert.equal((await client.fetch('/magasins/5/caisses')).status, 200)
      // Moving a clerk to another store revokes their sessions (then we move them back).
      const found = (await (await admin('GET', '/users?search=caissier5')).json()) as { items: { id: number }[] }
      const id = found.items[0]?.id
      assert.ok(id)
      assert.equal((await admin('PATCH', `/users/${id}`, { magasin_id: 4 })).status, 200)
      assert.equal((await admin('PATCH', `/users/${id}`, { magasin_id: 5 })).status, 200)
      const response = await client.fetch('/magasins/5/caisses')
      assert.equal(response.status, 302)
      assert.equal(response.headers.get('location'), '/connexion?redirectTo=%2Fmagasins%2F5%2Fcaisses&expire=1')
      assert.equal((await client.fetch('/magasins/5/caisses')).status, 302, 'signed out here too')
    })

    test('the original app’s URLs redirect to the new pages', async () => {
      const client = new Browserless()
      for (const [from, to] of LEGACY_URL_PAIRS) {
        const response = await client.fetch(from)
        assert.equal(response.status, 301, from)
        assert.equal(response.headers.get('location'), to, from)
      }
    })

    test('security headers and request id are set', async () => {
      const response = await fetch(`${baseUrl}/connexion`, { headers: { 'X-Request-Id': 'integration-test-1' } })
      await response.arrayBuffer()
      assert.equal(response.headers.get('x-request-id'), 'integration-test-1')
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'nonce-/)
      assert.doesNotMatch(response.headers.get('content-security-policy') ?? '', /unsafe-eval/)
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
      assert.equal(response.headers.get('referrer-policy'), 'same-origin')
      assert.equal(response.headers.get('x-frame-options'), 'DENY')
      assert.equal(response.headers.get('x-powered-by'), null)
    })

    test('signed-in pages and their data stay out of the browser cache; hashed assets are cached for good', async () => {
      const client = new Browserless()
      const user = account('gerant')
      await client.signIn(user.username, user.password)
      const responses = [await client.fetch('/magasins'), await client.fetch('/magasins.data'), await fetch(`${baseUrl}/connexion`)]
      for (const response of responses) {
        await response.arrayBuffer()
        assert.equal(response.status, 200, response.url)
        assert.equal(response.headers.get('cache-control'), 'private, no-store', response.url)
      }
      const html = await (await client.fetch('/magasins')).text()
      const asset = html.match(/\/assets\/[\w.-]+\.js/)?.[0]
      assert.ok(asset, 'a script of the build')
      const script = await fetch(`${baseUrl}${asset}`)
      await script.arrayBuffer()
      assert.match(script.headers.get('cache-control') ?? '', /immutable/)
    })

    test('GET /health answers JSON', async () => {
      const response = await fetch(`${baseUrl}/health`)
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
      assert.deepEqual(await response.json(), { status: 'ok', service: 'web' })
    })

    test('GET /metrics exposes request counters labelled by route', async () => {
      await (await fetch(`${baseUrl}/connexion`)).arrayBuffer()
      const response = await fetch(`${baseUrl}/metrics`)
      assert.equal(response.status, 200)
      const body = await response.text()
      assert.ok(body.includes('http_requests_total'), 'http_requests_total missing')
      assert.ok(body.includes('http_request_duration_seconds_bucket'), 'duration histogram missing')
      assert.match(body, /http_requests_total\{[^}]*route="\/connexion"[^}]*\}/)
    })
  })
}
