import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { PRODUCTS } from '#database/data/reference_data'

test.group('GET /api/v1/products', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('lists the 13 seed products in the original wire format', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').header('x-api-token', token)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.total, 13)
    assert.equal(body.page, 1)
    assert.equal(body.size, 20)
    assert.deepEqual(
      body.items.map((p: { code: string }) => p.code),
      PRODUCTS.map((p) => p.code)
    )
    const pain = body.items[0]
    assert.containsSubset(pain, {
      code: 'ALI001',
      nom: 'Pain',
      description: 'Baguette tradition',
      prix: '1.20',
    })
    assert.properties(pain, ['id', 'quantite_stock', 'categorie_id'])
    assert.isAtLeast(pain.quantite_stock, 500)
  })

  test('paginates with a stable order', async ({ client, assert }) => {
    const first = await client.get('/api/v1/products').qs({ page: 1, size: 5 }).header('x-api-token', token)
    const third = await client.get('/api/v1/products').qs({ page: 3, size: 5 }).header('x-api-token', token)
    assert.deepEqual(first.body().items.map((p: { code: string }) => p.code), ['ALI001', 'ALI002', 'ALI003', 'ALI004', 'ALI005'])
    assert.deepEqual(third.body().items.map((p: { code: string }) => p.code), ['HYG003', 'MEN001', 'MEN002'])
    assert.equal(third.body().total, 13)
  })

  test('sorts by price descending with ties broken by id, in the sort’s direction', async ({ client, assert }) => {
    const codes = async (sort: string) =>
      (await client.get('/api/v1/products').qs({ sort, size: 100 }).header('x-api-token', token)).body().items.map((p: { code: string }) => p.code)
    const descending = await codes('prix,desc')
    assert.deepEqual(descending.slice(0, 3), ['HYG001', 'MEN002', 'HYG003'])
    // Pain (ALI001) and Savon (HYG002) both cost 1.20: the later product first going down, as the newer sale of two stamped alike.
    assert.deepEqual(descending.slice(8, 10), ['HYG002', 'ALI001'])
    assert.deepEqual((await codes('prix,asc')).slice(3, 5), ['ALI001', 'HYG002'])
  })

  test('an unknown sort field is a validation error', async ({ client }) => {
    const response = await client.get('/api/v1/products').qs({ sort: 'password,asc' }).header('x-api-token', token)
    response.assertStatus(422)
  })

  test('searches name, code and description', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ search: "jus d'orange" }).header('x-api-token', token)
    assert.deepEqual(response.body().items.map((p: { code: string }) => p.code), ['BOI002'])
  })

  test('search takes %, _ and \\ literally, not as LIKE wildcards', async ({ client, assert }) => {
    const writer = await tokenWith(['read', 'write'])
    for (const nom of ['Rabais 50% savon', 'Gel_douche', 'Barre \\ oblique']) {
      const created = await client.post('/api/v1/products').json({ nom, prix: '1.00', categorie_id: 1 }).header('x-api-token', writer)
      created.assertStatus(201)
    }
    const names = async (search: string) => {
      const response = await client.get('/api/v1/products').qs({ search }).header('x-api-token', token)
      response.assertStatus(200)
      assert.equal(response.body().total, response.body().items.length, search)
      return response.body().items.map((p: { nom: string }) => p.nom)
    }
    assert.deepEqual(await names('%'), ['Rabais 50% savon'])
    assert.deepEqual(await names('50%'), ['Rabais 50% savon'])
    assert.deepEqual(await names('_'), ['Gel_douche'])
    assert.deepEqual(await names('l_d'), ['Gel_douche'])
    assert.deepEqual(await names('\\'), ['Barre \\ oblique'])
    assert.deepEqual(await names('%%_'), [])
  })

  test('filters by category and price range (README parameters)', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/products')
      .qs({ categorie_id: 1, prix_min: 1.1, prix_max: 2.3 })
      .header('x-api-token', token)
    assert.deepEqual(response.body().items.map((p: { code: string }) => p.code), ['ALI001', 'ALI002', 'ALI003'])
  })

  test("category, the original's documented filter, is an alias of categorie_id (id or name)", async ({ client, assert }) => {
    const codes = async (qs: Record<string, unknown>) => {
      const response = await client.get('/api/v1/products').qs(qs).header('x-api-token', token)
      response.assertStatus(200)
      return response.body().items.map((p: { code: string }) => p.code)
    }
    const alimentaire = await codes({ categorie_id: 1 })
    assert.isNotEmpty(alimentaire)
    assert.isTrue(alimentaire.every((code: string) => code.startsWith('ALI')))
    assert.deepEqual(await codes({ category: 1 }), alimentaire)
    assert.deepEqual(await codes({ category: 'alimentaire' }), alimentaire)
    assert.deepEqual(await codes({ category: 'Hygiène' }), ['HYG001', 'HYG002', 'HYG003'])
    assert.deepEqual(await codes({ category: 'Inconnue' }), [])
    assert.deepEqual(await codes({ category: 9999 }), [])
    assert.deepEqual(await codes({ category: 2, categorie_id: 1 }), alimentaire)
  })

  test('the original routes ignore unknown query parameters and still check the known ones', async ({ client, assert }) => {
    const get = (path: string, qs: Record<string, unknown>) => client.get(path).qs(qs).header('x-api-token', token)
    const plain = await get('/api/v1/products', { size: 5 })
    const extra = await get('/api/v1/products', { size: 5, foo: 1, debug: 'true' })
    extra.assertStatus(200)
    assert.deepEqual(extra.body(), plain.body())
    const lowStock = await get('/api/v1/products/low-stock', { threshold: 100000, foo: 1 })
    lowStock.assertStatus(200)
    assert.deepEqual(lowStock.body(), (await get('/api/v1/products/low-stock', { threshold: 100000 })).body())
    ;(await get('/api/v1/products/1', { foo: 1 })).assertStatus(200)

    const bad = await get('/api/v1/products', { page: 0, foo: 1 })
    bad.assertStatus(422)
    assert.deepEqual(bad.body().details.validation_errors.map((e: { field: string }) => e.field), ['page'])
    ;(await client.get('/api/v1/products?page=1&page=2&foo=1').header('x-api-token', token)).assertStatus(422)

    // New routes refuse them.
    const categories = await get('/api/v1/categories', { foo: 1 })
    categories.assertStatus(422)
    assert.deepEqual(categories.body().details.validation_errors.map((e: { field: string }) => e.field), ['foo'])
  })

  test('a write refuses an unknown query parameter, even on an original route', async ({ client, assert }) => {
    const writer = await tokenWith(['read', 'write'])
    const before = await client.get('/api/v1/products/1').header('x-api-token', token)
    const response = await client.post('/api/v1/products/1/reduce-stock').qs({ quantity: 1, foo: 1 }).header('x-api-token', writer)
    response.assertStatus(422)
    assert.deepEqual(response.body().details.validation_errors.map((e: { field: string }) => e.field), ['foo'])
    const after = await client.get('/api/v1/products/1').header('x-api-token', token)
    assert.equal(after.body().quantite_stock, before.body().quantite_stock)
  })

  test('actif separates products on sale from deactivated ones', async ({ client, assert }) => {
    await db.from('products').whereIn('code', ['ALI002', 'MEN001']).update({ is_active: false })
    const inactive = await client.get('/api/v1/products').qs({ actif: false }).header('x-api-token', token)
    inactive.assertStatus(200)
    assert.deepEqual(inactive.body().items.map((p: { code: string }) => p.code), ['ALI002', 'MEN001'])
    assert.isTrue(inactive.body().items.every((p: { actif: boolean }) => p.actif === false))
    const active = await client.get('/api/v1/products').qs({ actif: true, size: 100 }).header('x-api-token', token)
    assert.equal(active.body().total, 11)
    assert.notInclude(active.body().items.map((p: { code: string }) => p.code), 'ALI002')
    const invalid = await client.get('/api/v1/products').qs({ actif: 'peut-etre' }).header('x-api-token', token)
    invalid.assertStatus(422)
    // What Python's requests sends for a bool: True, False.
    for (const [sent, total] of [['False', 2], ['True', 11], ['TRUE', 11]] as const) {
      const answer = await client.get(`/api/v1/products?actif=${sent}&size=100`).header('x-api-token', token)
      answer.assertStatus(200)
      assert.equal(answer.body().total, total, sent)
    }
  })

  test('limit caps the page size', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ limit: 2 }).header('x-api-token', token)
    assert.lengthOf(response.body().items, 2)
    assert.equal(response.body().size, 2)
  })

  test('the trailing-slash form answers the same without a redirect', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products/').header('x-api-token', token)
    response.assertStatus(200)
    assert.equal(response.body().total, 13)
  })
})

test.group('GET /api/v1/products/:id', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('returns one product', async ({ client, assert }) => {
    const list = await client.get('/api/v1/products').qs({ search: 'ALI005' }).header('x-api-token', token)
    const id = list.body().items[0].id
    const response = await client.get(`/api/v1/products/${id}`).header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { id, code: 'ALI005', nom: 'Pâtes', prix: '0.95' })
  })

  test('an unknown id is a 404 naming the resource', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products/999999').header('x-api-token', token)
    response.assertStatus(404)
    assert.containsSubset(response.body(), {
      error_code: 'NOT_FOUND',
      message: 'Product with identifier 999999 not found',
      details: { resource: 'Product', identifier: 999999 },
    })
  })

  test('a non-numeric id is a validation error, not a 500', async ({ client }) => {
    const response = await client.get('/api/v1/products/abc').header('x-api-token', token)
    response.assertStatus(422)
  })
})
