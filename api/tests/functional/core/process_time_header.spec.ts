import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

/* seed-spec §3.1: the original sent X-Process-Time (seconds, a decimal string) on every response. */
test.group('X-Process-Time, as the original API sent it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('is on successes and on every kind of error', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    const responses = [
      await client.get('/health'),
      await client.get('/api/v1/products').header('x-api-token', token),
      await client.get('/api/v1/products/999999').header('x-api-token', token),
      await client.get('/api/v1/products').qs({ page: 0 }).header('x-api-token', token),
      await client.get('/api/v1/products'),
      await client.put('/api/v1/products').header('x-api-token', token),
      await client.get('/api/v1/does-not-exist'),
    ]
    assert.deepEqual(
      responses.map((r) => r.status()),
      [200, 200, 404, 422, 401, 405, 404]
    )
    for (const [index, response] of responses.entries()) {
      const value = response.header('x-process-time')
      assert.match(value ?? '', /^\d+\.\d{6}$/, `response ${index}: ${value}`)
      assert.isBelow(Number(value), 30)
    }
  })
})
