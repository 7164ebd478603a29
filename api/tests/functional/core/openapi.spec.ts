import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { Validator } from '@seriousme/openapi-schema-validator'

/** Every route the router serves, as `METHOD /openapi/{path}`. */
function routerOperations() {
  const operations = new Set<string>()
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      for (const method of route.methods) {
        if (method === 'HEAD') continue
        operations.add(`${method} ${route.pattern.replace(/:([a-zA-Z_]+)\??/g, '{$1}')}`)
      }
    }
  }
  return operations
}

test.group('OpenAPI document', () => {
  test('is a valid OpenAPI 3.1 document', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    const result = await new Validator().validate(response.body())
    assert.isTrue(result.valid, JSON.stringify(result.errors, null, 2))
  })

  test('documents exactly the routes the router serves', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    const documented = new Set<string>()
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`)
    }
    assert.sameMembers([...documented].sort(), [...routerOperations()].sort())
  })

  test('the sort pattern takes the direction in any case, as the API does (nom,DESC)', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    const patterns = new Set<string>()
    for (const operations of Object.values(document.paths as Record<string, Record<string, { parameters?: { name: string; schema: { pattern?: string } }[] }>>)) {
      for (const operation of Object.values(operations)) {
        for (const parameter of operation.parameters ?? []) if (parameter.name === 'sort') patterns.add(parameter.schema.pattern ?? '')
      }
    }
    assert.isAbove(patterns.size, 0)
    for (const pattern of patterns) {
      // JSON Schema patterns have no flags: the case must be in the pattern itself.
      const regex = new RegExp(pattern, 'u')
      for (const sort of ['nom', 'nom,asc', 'nom,DESC', 'nom,Desc', 'NOM,asc']) assert.isTrue(regex.test(sort), `${pattern} ${sort}`)
      for (const sort of ['nom,up', 'nom,', 'nom desc', ',asc']) assert.isFalse(regex.test(sort), `${pattern} ${sort}`)
    }
  })

  test('every operation declares the 400 of a URL whose percent-encoding does not decode', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    type Response400 = { content: { 'application/json': { examples: Record<string, { value: { error_code: string; details: unknown } }> } } }
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, Response400> }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const badRequest = operation.responses['400']
        assert.exists(badRequest, `${method} ${path}`)
        const examples = Object.values(badRequest.content['application/json'].examples).map((e) => e.value)
        assert.deepInclude(examples.map((e) => [e.error_code, e.details]), ['MALFORMED_REQUEST', { reason: 'bad_percent_encoding' }], `${method} ${path}`)
      }
    }
  })

  test('every protected operation declares both token schemes', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    for (const operations of Object.values(document.paths as Record<string, Record<string, { security: unknown[] }>>)) {
      for (const operation of Object.values(operations)) {
        if (operation.security.length === 0) continue
        assert.deepEqual(operation.security, [{ ApiToken: [] }, { BearerToken: [] }])
      }
    }
  })

  test('says, where /docs shows it, how to get a token, the scopes, the rate limits and what each operation needs', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    for (const topic of ['X-API-Token', 'POST /api/v1/tokens', 'POST /api/v1/auth/login', '`reports`', 'Rate limits', 'Retry-After', 'Idempotency-Key']) {
      assert.include(document.info.description, topic)
    }
    assert.include(document.components.securitySchemes.ApiToken.description, 'POST /api/v1/tokens')
    type Operation = { security: unknown[]; description?: string; 'x-required-scopes'?: string[] }
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const scopes = operation['x-required-scopes']
        const expected = operation.security.length === 0 ? 'Public: no token needed.' : scopes?.length ? `Token scopes: ${scopes.map((s) => `\`${s}\``).join(', ')}.` : 'Any valid token.'
        assert.isTrue(operation.description?.endsWith(expected), `${method} ${path}: ${operation.description}`)
      }
    }
  })

  test('/docs serves Swagger UI from the app itself', async ({ client, assert }) => {
    const page = await client.get('/docs')
    page.assertStatus(200)
    assert.include(page.text(), '/docs/assets/swagger-ui-bundle.js')
    assert.notInclude(page.text(), 'cdn')
    // Only its own scripts, never framed (checked in a browser: Swagger UI draws every operation under it).
    assert.match(page.header('content-security-policy') ?? '', /script-src 'self';.*frame-ancestors 'none'/)
    assert.equal(page.header('x-frame-options'), 'DENY')
    assert.notMatch(page.text(), /<script>/)
    assert.include((await client.get('/docs/assets/init.js')).text(), 'showExtensions: true')
    const bundle = await client.get('/docs/assets/swagger-ui-bundle.js')
    bundle.assertStatus(200)
    const missing = await client.get('/docs/assets/..%2Fpackage.json')
    missing.assertStatus(404)
  })
})
