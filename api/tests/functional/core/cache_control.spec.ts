import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

test.group('Cache-Control', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers are never stored by a browser or a proxy, errors included', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    for (const [path, withToken] of [
      ['/api/v1/products/1', true],
      ['/api/v1/sales', true],
      ['/api/v1/products/999999', true],
      ['/api/v1/products', false],
    ] as const) {
      const request = client.get(path)
      const response = await (withToken ? request.header('x-api-token', token) : request)
      assert.equal(response.header('cache-control'), 'no-store', `${path} ${response.status()}`)
    }
  })

  test('the Swagger UI files, public and versioned with the app, may be kept a day', async ({ client, assert }) => {
    const bundle = await client.get('/docs/assets/swagger-ui-bundle.js')
    bundle.assertStatus(200)
    assert.equal(bundle.header('cache-control'), 'public, max-age=86400')
  })
})
