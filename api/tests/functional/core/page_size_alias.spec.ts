import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { signedIn } from '#tests/helpers/actors'

interface Parameter {
  name: string
  in: string
  schema?: { minimum?: number; maximum?: number }
}

/** `GET /path/{id}` of every list that pages (takes `size`), with its query parameters. */
async function pagedLists(client: ApiClient) {
  const document: { paths: Record<string, { get?: { parameters?: Parameter[] } }> } = (await client.get('/api/v1/openapi.json')).body()
  return Object.entries(document.paths)
    .filter(([, item]) => item.get?.parameters?.some((p) => p.in === 'query' && p.name === 'size'))
    .map(([path, item]) => ({ path, query: item.get!.parameters!.filter((p) => p.in === 'query') }))
}

/* The original README's `limit` is the page size on every list, not only /products and /stores. */
test.group('limit is an alias of size on every list that pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every paged list declares limit with the bounds of size', async ({ client, assert }) => {
    const lists = await pagedLists(client)
    assert.isAbove(lists.length, 10)
    for (const { path, query } of lists) {
      const size = query.find((p) => p.name === 'size')!
      const limit = query.find((p) => p.name === 'limit')
      assert.exists(limit, path)
      assert.deepEqual([limit?.schema?.minimum, limit?.schema?.maximum], [size.schema?.minimum, size.schema?.maximum], path)
    }
  })

  test('each answers a page of limit rows; limit wins over size; out of bounds is a 422 on limit', async ({ client, assert }) => {
    const admin = await signedIn('admin')
    const get = (path: string, qs: Record<string, unknown>) => client.get(path.replace(/\{[a-z_]+\}/g, '1')).qs(qs).header('authorization', `Bearer ${admin.token}`)
    for (const { path } of await pagedLists(client)) {
      const limited = await get(path, { limit: 2 })
      assert.equal(limited.status(), 200, `${path}: ${JSON.stringify(limited.body())}`)
      assert.equal(limited.body().size, 2, path)
      assert.equal((await get(path, { size: 5, limit: 3 })).body().size, 3, path)
      const tooMany = await get(path, { limit: 101 })
      assert.equal(tooMany.status(), 422, path)
      assert.deepEqual(tooMany.body().details.validation_errors.map((e: { field: string }) => e.field), ['limit'], path)
    }
  })
})
