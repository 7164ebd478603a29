import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PARSER_STATUS } from '#core/exceptions/outside_pipeline'

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

  test('a name every object inherits (constructor, __proto__) is refused like any unknown one, not a 500', async ({ client, assert }) => {
    const reader = await tokenWith(['read'])
    for (const path of ['/api/v1/products', '/api/v1/stores/1/stock', '/api/v1/replenishments']) {
      for (const sort of ['constructor', '__proto__', 'toString,desc']) {
        const response = await client.get(path).qs({ sort }).header('x-api-token', reader)
        assert.equal(response.status(), 422, `${path}?sort=${sort}`)
        assert.equal(response.body().details.validation_errors[0].field, 'sort')
      }
    }
    const admin = await tokenWith(['read', 'admin'])
    const pattern = await client.post('/api/v1/cache/clear').qs({ pattern: 'constructor' }).header('x-api-token', admin)
    pattern.assertStatus(422)
    assert.include(pattern.body().details.supported_patterns, 'products*')
    for (const file of ['constructor', '__proto__', 'hasOwnProperty']) {
      assert.equal((await client.get(`/docs/assets/${file}`)).status(), 404, file)
    }
  })

  test('GET /api/v1/errors documents every error code', async ({ client, assert }) => {
    const response = await client.get('/api/v1/errors')
    response.assertStatus(200)
    assert.properties(response.body().error_codes, [
      'VALIDATION_ERROR',
      'AUTHENTICATION_ERROR',
      'AUTHORIZATION_ERROR',
      'NOT_FOUND',
      'METHOD_NOT_ALLOWED',
      'DUPLICATE_RESOURCE',
      'INTERNAL_ERROR',
    ])
    assert.sameMembers(Object.keys(response.body()), ['error_codes', 'response_format'])
  })

  test('GET /api/v1/errors gives each code its status, description and an example envelope of that code', async ({ client, assert }) => {
    const codes = (await client.get('/api/v1/errors')).body().error_codes as Record<string, Record<string, unknown>>
    for (const [code, entry] of Object.entries(codes)) {
      assert.sameMembers(Object.keys(entry), ['status', 'statuses', 'description', 'example'], code)
      assert.include(entry.statuses as number[], entry.status as number, code)
      assert.isString(entry.description, code)
      const example = entry.example as Record<string, unknown>
      assert.sameMembers(Object.keys(example), ['timestamp', 'status', 'error', 'message', 'path', 'error_code', 'details'], code)
      assert.equal(example.error_code, code)
      assert.equal(example.status, entry.status, code)
      assert.match(example.path as string, /^\/api\/v1\//, code)
    }
  })

  test('every code the API raises is in the catalogue (an integrator maps codes from it)', async ({ client, assert }) => {
    const codes = (await client.get('/api/v1/errors')).body().error_codes as Record<string, unknown>
    const root = fileURLToPath(new URL('../../../app/', import.meta.url))
    const raised = new Set<string>()
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(root, file), 'utf8')
      for (const match of source.matchAll(/ApiError\.conflict\(\s*'([A-Z_]+)'|new ApiError\(\d+,\s*'([A-Z_]+)'/g)) raised.add(match[1] ?? match[2]!)
    }
    assert.include([...raised], 'INSUFFICIENT_CASH')
    assert.deepEqual([...raised].filter((code) => !(code in codes)), [])
  })

  test('the catalogue lists every status a code is sent with (MALFORMED_REQUEST is also a 408, 413, 415 and 431)', async ({ client, assert }) => {
    const codes = (await client.get('/api/v1/errors')).body().error_codes as Record<string, { statuses: number[] }>
    const root = fileURLToPath(new URL('../../../app/', import.meta.url))
    const sent: [number, string][] = []
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(root, file), 'utf8')
      for (const match of source.matchAll(/new ApiError\((\d+),\s*'([A-Z_]+)'/g)) sent.push([Number(match[1]), match[2]])
    }
    // Node's HTTP parser errors are answered with a status from a table, not a literal.
    for (const status of Object.values(PARSER_STATUS)) sent.push([status, 'MALFORMED_REQUEST'])
    assert.includeDeepMembers(sent, [[415, 'MALFORMED_REQUEST'], [431, 'MALFORMED_REQUEST']])
    for (const [status, code] of sent) assert.include(codes[code].statuses, status, `${code} ${status}`)
  })

  test('a wrong method on an existing path is a 405 with Allow, in the envelope', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    for (const [method, path, allowed] of [
      ['PUT', '/api/v1/products', ['GET', 'HEAD', 'POST']],
      ['DELETE', '/api/v1/products', ['GET', 'HEAD', 'POST']],
      ['DELETE', '/api/v1/products/', ['GET', 'HEAD', 'POST']],
      ['OPTIONS', '/api/v1/products/16', ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']],
      ['GET', '/api/v1/products/1/reduce-stock', ['POST']],
      ['PATCH', '/api/v1/cache/clear', ['POST', 'DELETE']],
      ['POST', '/health', ['GET', 'HEAD']],
    ] as const) {
      const response = await client.request(path, method).header('x-api-token', token)
      assert.equal(response.status(), 405, `${method} ${path}`)
      assert.containsSubset(response.body(), { status: 405, error: 'Method Not Allowed', error_code: 'METHOD_NOT_ALLOWED', path })
      assert.sameMembers(response.body().details.allowed, [...allowed], `${method} ${path}`)
      assert.sameMembers(String(response.header('allow')).split(', '), [...allowed], `${method} ${path}`)
    }
    /* Without a token too: the method is wrong whoever asks. An unknown path stays a 404. */
    const anonymous = await client.put('/api/v1/products')
    anonymous.assertStatus(405)
    const unknown = await client.put('/api/v1/nothing-here')
    unknown.assertStatus(404)
    assert.equal(unknown.body().error_code, 'NOT_FOUND')
    assert.isUndefined(unknown.header('allow'))
  })

  test('GET /health checks the database and names the instance', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.equal(response.body().status, 'healthy')
    assert.equal(response.body().checks.database.status, 'up')
    assert.equal(response.body().instance, response.header('x-instance-id'))
  })
})
