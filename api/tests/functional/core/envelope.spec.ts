import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

test.group('Error envelope and response headers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unknown route is a 404 in the envelope', async ({ client, assert }) => {
    const response = await client.get('/api/v1/does-not-exist')
    response.assertStatus(404)
    assert.containsSubset(response.body(), {
      status: 404,
      error: 'Not Found',
      error_code: 'NOT_FOUND',
      path: '/api/v1/does-not-exist',
    })
    assert.match(response.body().timestamp, /^\d{4}-\d{2}-\d{2}T/)
  })

  test('every response carries X-Instance-Id and X-Request-Id', async ({ client, assert }) => {
    const response = await client.get('/health')
    assert.isString(response.header('x-instance-id'))
    assert.isString(response.header('x-request-id'))
  })

  test('an incoming X-Request-Id is echoed back', async ({ client }) => {
    const response = await client.get('/health').header('x-request-id', 'trace-me-123')
    response.assertHeader('x-request-id', 'trace-me-123')
  })

  test('a validation error lists each failing field', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    const response = await client
      .get('/api/v1/products')
      .qs({ page: 0, size: 1000 })
      .header('x-api-token', token)
    response.assertStatus(422)
    assert.equal(response.body().error_code, 'VALIDATION_ERROR')
    const fields = response.body().details.validation_errors.map((e: { field: string }) => e.field)
    assert.sameMembers(fields, ['page', 'size'])
  })

  test('GET /api/v1/errors documents every error code', async ({ client, assert }) => {
    const response = await client.get('/api/v1/errors')
    response.assertStatus(200)
    assert.properties(response.body().error_codes, [
      'VALIDATION_ERROR',
      'AUTHENTICATION_ERROR',
      'AUTHORIZATION_ERROR',
      'NOT_FOUND',
      'DUPLICATE_RESOURCE',
      'INTERNAL_ERROR',
    ])
  })

  test('GET /health checks the database and names the instance', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.equal(response.body().status, 'healthy')
    assert.equal(response.body().checks.database.status, 'up')
    assert.equal(response.body().instance, response.header('x-instance-id'))
  })
})
