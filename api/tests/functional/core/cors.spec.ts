import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

/* seed-spec §3.1: the original allowed every origin (with credentials); browser integrations rely on it. */
test.group('CORS for browser integrations (default CORS_ORIGINS: every origin, no credentials)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a preflight is answered 204 before routing, with the methods and headers an integration sends', async ({ client, assert }) => {
    const preflight = await client
      .options('/api/v1/products/1')
      .header('origin', 'https://erp.example.com')
      .header('access-control-request-method', 'PATCH')
      .header('access-control-request-headers', 'x-api-token, content-type, idempotency-key')
    preflight.assertStatus(204)
    assert.equal(preflight.header('access-control-allow-origin'), '*')
    assert.include(preflight.header('access-control-allow-methods'), 'PATCH')
    for (const name of ['X-API-Token', 'Content-Type', 'Idempotency-Key', 'Authorization']) {
      assert.include(preflight.header('access-control-allow-headers'), name)
    }
    assert.isUndefined(preflight.header('access-control-allow-credentials'))
    assert.match(preflight.header('x-request-id') ?? '', /.+/)
  })

  test('a preflight is allowed any other header it asks for, as in the original, and never garbage', async ({ client, assert }) => {
    const preflight = (requested: string) =>
      client
        .options('/api/v1/products')
        .header('origin', 'https://erp.example.com')
        .header('access-control-request-method', 'POST')
        .header('access-control-request-headers', requested)
    const asked = await preflight('x-requested-with, content-type, x-erp-batch, X-Requested-With')
    asked.assertStatus(204)
    const allowed = (asked.header('access-control-allow-headers') ?? '')
      .split(',')
      .map((name: string) => name.trim().toLowerCase())
    assert.includeMembers(allowed, ['x-requested-with', 'x-erp-batch', 'content-type', 'x-api-token', 'authorization'])
    assert.equal(allowed.filter((name: string) => name === 'x-requested-with').length, 1)
    assert.include(String(asked.header('vary')), 'Access-Control-Request-Headers')
    assert.isUndefined(asked.header('access-control-allow-credentials'))

    // Not header names (a space, a colon, a quote): nothing of it is echoed, ours are still allowed.
    for (const garbage of ['x-ok, bad header', 'x-ok, x-evil: 1', 'x-ok, "quoted"', Array.from({ length: 31 }, (_, i) => `x-h${i}`).join(', ')]) {
      const refused = await preflight(garbage)
      refused.assertStatus(204)
      assert.equal(refused.header('access-control-allow-headers'), 'Authorization, Content-Type, Idempotency-Key, X-API-Token, X-Request-Id', garbage)
    }
  })

  test('answers, errors included, let the page read the headers it needs', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    const read = await client.get('/api/v1/products/1').header('x-api-token', token).header('origin', 'https://erp.example.com')
    read.assertStatus(200)
    assert.equal(read.header('access-control-allow-origin'), '*')
    assert.include(read.header('access-control-expose-headers'), 'Location')
    assert.include(read.header('access-control-expose-headers'), 'Idempotent-Replayed')
    const refused = await client.get('/api/v1/products/1').header('origin', 'https://erp.example.com')
    refused.assertStatus(401)
    assert.equal(refused.header('access-control-allow-origin'), '*')
  })

  test('sign-in, password changes and the metrics are not for other origins', async ({ client, assert }) => {
    const preflight = await client
      .options('/api/v1/auth/login')
      .header('origin', 'https://erp.example.com')
      .header('access-control-request-method', 'POST')
      .header('access-control-request-headers', 'content-type')
    preflight.assertStatus(405)
    assert.isUndefined(preflight.header('access-control-allow-origin'))
    for (const path of ['/metrics', '/health', '/api/v1/auth/password']) {
      const response = await client.get(path).header('origin', 'https://erp.example.com')
      assert.isUndefined(response.header('access-control-allow-origin'), path)
    }
  })

  test('no Origin, no CORS headers; an OPTIONS that is not a preflight is still a 405', async ({ client, assert }) => {
    const plain = await client.get('/health')
    assert.isUndefined(plain.header('access-control-allow-origin'))
    const options = await client.options('/api/v1/products')
    options.assertStatus(405)
  })
})
