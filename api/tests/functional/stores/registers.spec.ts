import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { rowCounts } from '#tests/helpers/row_counts'

test.group('GET /api/v1/stores/:id/registers', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test("lists a store's registers by number", async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores/2/registers').header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { total: 3, page: 1, size: 20 })
    assert.deepEqual(
      response.body().items.map((r: Record<string, unknown>) => [r.magasin_id, r.numero, r.nom, r.actif]),
      [
        [2, 1, 'Caisse 1', true],
        [2, 2, 'Caisse 2', true],
        [2, 3, 'Caisse 3', true],
      ]
    )
    const desc = await client.get('/api/v1/stores/2/registers').qs({ sort: 'numero,desc', size: 1 }).header('x-api-token', token)
    assert.deepEqual(desc.body().items.map((r: { numero: number }) => r.numero), [3])
  })

  test("search matches the register's name (any part, any case) or its number; the total follows", async ({ client, assert }) => {
    await db.table('registers').insert({ store_id: 2, number: 7, name: 'Comptoir rapide', is_active: true })
    const search = async (value: string) => {
      const response = await client.get('/api/v1/stores/2/registers').qs({ search: value }).header('x-api-token', token)
      response.assertStatus(200)
      assert.equal(response.body().total, response.body().items.length, value)
      return response.body().items.map((r: { numero: number }) => r.numero)
    }
    assert.deepEqual(await search('zzzzqq'), [])
    assert.deepEqual(await search('RAPIDE'), [7])
    assert.deepEqual(await search('caisse'), [1, 2, 3])
    assert.deepEqual(await search('7'), [7])
    assert.deepEqual(await search('2'), [2])
    assert.deepEqual(await search('%'), [])
    assert.deepEqual(await search('_'), [])
    const paged = await client.get('/api/v1/stores/2/registers').qs({ search: 'caisse', size: 2, page: 2 }).header('x-api-token', token)
    assert.containsSubset(paged.body(), { total: 3, page: 2, size: 2 })
    assert.deepEqual(paged.body().items.map((r: { numero: number }) => r.numero), [3])
  })

  test('404 unknown store, 422 bad id or query', async ({ client }) => {
    ;(await client.get('/api/v1/stores/9999/registers').header('x-api-token', token)).assertStatus(404)
    ;(await client.get('/api/v1/stores/x/registers').header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/stores/1/registers').qs({ sort: 'store_id' }).header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/stores/1/registers').qs({ foo: 1 }).header('x-api-token', token)).assertStatus(422)
  })

  test('a clerk reads their own store only; 401 without a token', async ({ client, assert }) => {
    const clerk = await sessionTokenFor('clerk', { storeId: 2, scopes: ['read'] })
    ;(await client.get('/api/v1/stores/2/registers').header('x-api-token', clerk.token)).assertStatus(200)
    const other = await client.get('/api/v1/stores/3/registers').header('x-api-token', clerk.token)
    other.assertStatus(403)
    assert.containsSubset(other.body(), { error_code: 'AUTHORIZATION_ERROR', details: { store_id: 3, own_store_id: 2 } })
    ;(await client.get('/api/v1/stores/2/registers')).assertStatus(401)
  })
})

test.group('POST /api/v1/stores/:id/registers', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('without numero, adds the next one named "Caisse N"', async ({ client, assert }) => {
    const response = await client.post('/api/v1/stores/1/registers').header('x-api-token', token).json({})
    response.assertStatus(201)
    assert.deepEqual(response.body(), { id: response.body().id, magasin_id: 1, numero: 4, nom: 'Caisse 4', actif: true })
  })

  test('takes an explicit numero, nom and actif', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/stores/1/registers')
      .header('x-api-token', token)
      .json({ numero: 10, nom: 'Caisse libre-service', actif: false })
    response.assertStatus(201)
    assert.containsSubset(response.body(), { magasin_id: 1, numero: 10, nom: 'Caisse libre-service', actif: false })
    const next = await client.post('/api/v1/stores/1/registers').header('x-api-token', token).json({})
    assert.equal(next.body().numero, 11)
  })

  test('a numero already used in that store is a 409 (the same number elsewhere is fine)', async ({ client, assert }) => {
    const before = await rowCounts(['registers'])
    const response = await client.post('/api/v1/stores/1/registers').header('x-api-token', token).json({ numero: 2 })
    response.assertStatus(409)
    assert.containsSubset(response.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      message: "Register with numero '2' already exists",
      details: { field: 'numero', value: 2 },
    })
    assert.deepEqual(await rowCounts(['registers']), before)
    const store = await client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'Magasin Neuf' })
    ;(await client.post(`/api/v1/stores/${store.body().id}/registers`).header('x-api-token', token).json({ numero: 2 })).assertStatus(201)
  })

  test('bad input is a 422 and writes nothing; unknown store a 404', async ({ client, assert }) => {
    const before = await rowCounts(['registers'])
    for (const [body, field] of [
      [{ numero: 0 }, 'numero'],
      [{ numero: 1000 }, 'numero'],
      [{ numero: '5' }, 'numero'],
      [{ numero: 2.5 }, 'numero'],
      [{ nom: 42 }, 'nom'],
      [{ nom: 'x'.repeat(101) }, 'nom'],
      [{ actif: 1 }, 'actif'],
      [{ magasin_id: 2 }, 'magasin_id'],
    ] as const) {
      const response = await client.post('/api/v1/stores/1/registers').header('x-api-token', token).json(body)
      assert.equal(response.status(), 422, JSON.stringify(body).slice(0, 40))
      assert.equal(response.body().details.validation_errors[0].field, field)
    }
    ;(await client.post('/api/v1/stores/9999/registers').header('x-api-token', token).json({})).assertStatus(404)
    assert.deepEqual(await rowCounts(['registers']), before)
  })

  test('needs the write scope; a clerk may not add registers', async ({ client, assert }) => {
    const before = await rowCounts(['registers'])
    ;(await client.post('/api/v1/stores/1/registers').json({})).assertStatus(401)
    ;(await client.post('/api/v1/stores/1/registers').header('x-api-token', await tokenWith(['read'])).json({})).assertStatus(403)
    const clerk = await sessionTokenFor('clerk', { storeId: 1 })
    ;(await client.post('/api/v1/stores/1/registers').header('x-api-token', clerk.token).json({})).assertStatus(403)
    assert.deepEqual(await rowCounts(['registers']), before)
    const admin = await sessionTokenFor('admin')
    ;(await client.post('/api/v1/stores/1/registers').header('x-api-token', admin.token).json({})).assertStatus(201)
    assert.equal((await db.from('registers').where('store_id', 1)).length, 4)
  })
})
