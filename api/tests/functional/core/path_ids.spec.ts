import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { signedIn } from '#tests/helpers/actors'

/** `METHOD /path/:id` of every route with an id in its path. */
function routesWithAnId() {
  const found: [method: string, pattern: string][] = []
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (!/\/:id(\/|$)/.test(route.pattern)) continue
      for (const method of route.methods.filter((m) => m !== 'HEAD')) found.push([method, route.pattern])
    }
  }
  return found
}

/*
 * The original answered 404 NOT_FOUND for an id that does not exist, 0 and negative ones included;
 * an id that is not written in decimal digits (abc, 1e0, 0x1) stays a 422.
 */
test.group('Path ids', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('0 and a negative id answer as any unknown id does, on every route with an id', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    const routes = routesWithAnId()
    assert.isAbove(routes.length, 30)
    const call = (method: string, pattern: string, id: string) => {
      const request = client.request(pattern.replace(':id', id), method as 'GET').header('authorization', `Bearer ${admin.token}`)
      return method === 'GET' || method === 'DELETE' ? request : request.json({})
    }
    const outcome = (response: { status(): number; body(): { error_code?: string; message?: string } }, id: string) => ({
      status: response.status(),
      error_code: response.body().error_code,
      message: response.body().message?.replace(id, '{id}'),
    })
    for (const [method, pattern] of routes) {
      const unknown = outcome(await call(method, pattern, '999999'), '999999')
      for (const id of ['0', '-1']) {
        assert.deepEqual(outcome(await call(method, pattern, id), id), unknown, `${method} ${pattern} with ${id}`)
      }
    }
    const product = await client.get('/api/v1/products/0').header('authorization', `Bearer ${admin.token}`)
    product.assertStatus(404)
    assert.containsSubset(product.body(), { error_code: 'NOT_FOUND', message: 'Product with identifier 0 not found' })
  }).timeout(60_000)

  test('an id beyond the largest id is a 422 that names the limit, on every route with an id', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    const messages = new Set<string>()
    for (const [method, pattern] of routesWithAnId()) {
      for (const id of ['2147483648', '-2147483648']) {
        const request = client.request(pattern.replace(':id', id), method as 'GET').header('authorization', `Bearer ${admin.token}`)
        const response = method === 'GET' || method === 'DELETE' ? await request : await request.json({})
        if (response.status() !== 422) continue
        for (const error of response.body().details.validation_errors) messages.add(error.message)
      }
    }
    // The default message of the rule filled its bound from arguments it was not given.
    assert.includeMembers([...messages], ['The id field must not be greater than 2147483647', 'The id field must be at least -2147483647'])
    for (const message of messages) assert.notInclude(message, 'undefined')
  }).timeout(60_000)

  test('an id not written in decimal digits is still a 422 on id', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    for (const id of ['abc', '1e0', '0x1', '1.5', '+1']) {
      const response = await client.get(`/api/v1/products/${id}`).header('authorization', `Bearer ${admin.token}`)
      assert.equal(response.status(), 422, id)
      assert.deepEqual(response.body().details.validation_errors.map((e: { field: string }) => e.field), ['id'], id)
    }
  })
})
