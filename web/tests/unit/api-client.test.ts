import assert from 'node:assert/strict'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { ApiError, ApiUnreachableError, createApiClient } from '../../app/lib/api.server.ts'

// A real HTTP server stands in for the API: the client is exercised over the wire.
let server: Server
let baseUrl: string
let lastHeaders: IncomingHttpHeaders = {}

const envelope = {
  timestamp: '2025-11-24T12:00:00.000Z',
  status: 404,
  error: 'Not Found',
  message: 'Magasin 99 introuvable',
  path: '/api/v1/stores/99',
  error_code: 'STORE_NOT_FOUND',
  details: { id: 99 },
}

before(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers
    switch (req.url) {
      case '/api/v1/stores?size=100':
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ total: 1, page: 1, size: 100, items: [{ id: 1, nom: 'Magasin Centre-Ville' }] }))
        return
      case '/api/v1/stores/99':
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify(envelope))
        return
      case '/proxy-failure':
        res.writeHead(502, { 'content-type': 'text/html' })
        res.end('<html>Bad Gateway</html>')
        return
      case '/slow':
        setTimeout(() => res.end('{}'), 500)
        return
      default:
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end('not json')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(() => {
  server.closeAllConnections()
  server.close()
})

describe('createApiClient().get', () => {
  test('returns the parsed body and forwards the request id and the token', async () => {
    const client = createApiClient({ baseUrl: `${baseUrl}/`, token: 'jeton-secret' })
    const page = await client.get<{ items: { nom: string }[] }>('/api/v1/stores?size=100', {
      requestId: 'req-42',
    })
    assert.equal(page.items[0]?.nom, 'Magasin Centre-Ville')
    assert.equal(lastHeaders['x-request-id'], 'req-42')
    assert.equal(lastHeaders.authorization, 'Bearer jeton-secret')
  })

  test('sends no Authorization header without a token', async () => {
    await createApiClient({ baseUrl }).get('/api/v1/stores?size=100', { requestId: 'r' })
    assert.equal(lastHeaders.authorization, undefined)
  })

  test('throws ApiError carrying the API error envelope on non-2xx', async () => {
    const client = createApiClient({ baseUrl })
    await assert.rejects(client.get('/api/v1/stores/99', { requestId: 'r' }), (error: unknown) => {
      assert.ok(error instanceof ApiError)
      assert.equal(error.status, 404)
      assert.equal(error.message, 'Magasin 99 introuvable')
      assert.deepEqual(error.envelope, envelope)
      return true
    })
  })

  test('wraps a non-envelope error answer (e.g. a proxy page) in an envelope', async () => {
    const client = createApiClient({ baseUrl })
    await assert.rejects(client.get('/proxy-failure', { requestId: 'r' }), (error: unknown) => {
      assert.ok(error instanceof ApiError)
      assert.equal(error.status, 502)
      assert.equal(error.envelope.error_code, 'UNEXPECTED_RESPONSE')
      assert.equal(error.envelope.path, '/proxy-failure')
      return true
    })
  })

  test('rejects a 2xx body that is not JSON', async () => {
    await assert.rejects(createApiClient({ baseUrl }).get('/plain-text', { requestId: 'r' }), ApiError)
  })

  test('throws ApiUnreachableError when nothing listens', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))

    const client = createApiClient({ baseUrl: `http://127.0.0.1:${port}` })
    await assert.rejects(client.get('/api/v1/stores', { requestId: 'r' }), (error: unknown) => {
      assert.ok(error instanceof ApiUnreachableError)
      assert.match(error.message, /ECONNREFUSED/)
      return true
    })
  })

  test('gives up on a stuck API after the timeout', async () => {
    const client = createApiClient({ baseUrl, timeoutMs: 50 })
    await assert.rejects(client.get('/slow', { requestId: 'r' }), (error: unknown) => {
      assert.ok(error instanceof ApiUnreachableError)
      assert.match(error.message, /délai/)
      return true
    })
  })
})
