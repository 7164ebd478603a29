import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { applyCors, corsOrigins } from '#core/cors'

async function contextFor(method: string, headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket())
  req.method = method
  req.url = '/api/v1/products'
  req.headers = headers
  return testUtils.createHttpContext({ req, res: new ServerResponse(req) })
}

test.group('CORS_ORIGINS', () => {
  test('unset or * is every origin; none turns CORS off', ({ assert }) => {
    assert.equal(corsOrigins('CORS_ORIGINS'), '*')
    assert.equal(corsOrigins('CORS_ORIGINS', ' * '), '*')
    assert.isNull(corsOrigins('CORS_ORIGINS', 'none'))
  })

  test('a list of origins, in any case, a trailing slash and a default port forgiven', ({ assert }) => {
    const origins = corsOrigins('CORS_ORIGINS', 'https://ERP.example.com:443/, http://127.0.0.1:8081')
    // As browsers send Origin: the default port left out.
    assert.deepEqual([...(origins as Set<string>)], ['https://erp.example.com', 'http://127.0.0.1:8081'])
  })

  test('anything else stops the API at start, naming what is wrong', ({ assert }) => {
    assert.throws(() => corsOrigins('CORS_ORIGINS', 'erp.example.com'), /CORS_ORIGINS must be .*"erp.example.com"/)
    assert.throws(() => corsOrigins('CORS_ORIGINS', 'https://erp.example.com/path'), /"https:\/\/erp.example.com\/path"/)
  })
})

test.group('CORS with a list of origins', () => {
  const origins = corsOrigins('CORS_ORIGINS', 'https://erp.example.com')

  test('a listed origin is echoed (never *), and caches are told the answer depends on Origin', async ({ assert }) => {
    const ctx = await contextFor('GET', { origin: 'https://erp.example.com' })
    assert.equal(applyCors(ctx, origins), 'continue')
    assert.equal(ctx.response.getHeader('access-control-allow-origin'), 'https://erp.example.com')
    assert.equal(ctx.response.getHeader('vary'), 'Origin')
  })

  test('another origin gets no CORS header, and its preflight goes on to the router', async ({ assert }) => {
    const ctx = await contextFor('OPTIONS', { 'origin': 'https://evil.example', 'access-control-request-method': 'DELETE' })
    assert.equal(applyCors(ctx, origins), 'continue')
    assert.isUndefined(ctx.response.getHeader('access-control-allow-origin'))
  })

  test('CORS off (none): nothing added, even for a preflight', async ({ assert }) => {
    const ctx = await contextFor('OPTIONS', { 'origin': 'https://erp.example.com', 'access-control-request-method': 'GET' })
    assert.equal(applyCors(ctx, corsOrigins('CORS_ORIGINS', 'none')), 'continue')
    assert.isUndefined(ctx.response.getHeader('access-control-allow-origin'))
  })
})
