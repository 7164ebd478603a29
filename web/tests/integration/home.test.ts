// Runs against a live web server (itself talking to a seeded API):
//   WEB_BASE_URL=http://127.0.0.1:3000 npm run test:integration -w web
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

const baseUrl = process.env.WEB_BASE_URL?.replace(/\/+$/, '')

const SEED_STORES = [
  'Magasin Centre-Ville',
  'Magasin Banlieue',
  'Magasin Nord',
  'Magasin Sud',
  'Magasin Express',
]

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
    test('home page lists every seeded store', async () => {
      const response = await fetch(`${baseUrl}/`)
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
      const html = await response.text()
      assert.ok(html.includes('Système de gestion multi-magasins'), 'page title missing')
      for (const name of SEED_STORES) {
        assert.ok(html.includes(name), `store "${name}" missing from the home page`)
      }
      assert.ok(!html.includes("L'API est injoignable"), 'home page reports the API as unreachable')
    })

    test('the API token never reaches the browser', async () => {
      const token = process.env.WEB_API_TOKEN
      assert.ok(token, 'WEB_API_TOKEN (the token the web server uses) must be given to this test')
      const html = await (await fetch(`${baseUrl}/`)).text()
      assert.ok(!html.includes(token))
    })

    test('security headers and request id are set', async () => {
      const response = await fetch(`${baseUrl}/`, { headers: { 'X-Request-Id': 'integration-test-1' } })
      await response.arrayBuffer()
      assert.equal(response.headers.get('x-request-id'), 'integration-test-1')
      assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'nonce-/)
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
      assert.equal(response.headers.get('referrer-policy'), 'same-origin')
      assert.equal(response.headers.get('x-frame-options'), 'DENY')
      assert.equal(response.headers.get('x-powered-by'), null)
    })

    test('GET /health answers JSON', async () => {
      const response = await fetch(`${baseUrl}/health`)
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
      assert.deepEqual(await response.json(), { status: 'ok', service: 'web' })
    })

    test('GET /metrics exposes request counters labelled by route', async () => {
      await (await fetch(`${baseUrl}/`)).arrayBuffer()
      const response = await fetch(`${baseUrl}/metrics`)
      assert.equal(response.status, 200)
      const body = await response.text()
      assert.ok(body.includes('http_requests_total'), 'http_requests_total missing')
      assert.ok(body.includes('http_request_duration_seconds_bucket'), 'duration histogram missing')
      assert.match(body, /http_requests_total\{[^}]*route="\/"[^}]*\}/)
    })
  })
}
