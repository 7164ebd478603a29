import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'
import { STORES } from '#database/data/reference_data'

test.group('GET /api/v1/stores', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('lists the five original stores with their contact details', async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores').header('x-api-token', token)
    response.assertStatus(200)
    assert.equal(response.body().total, 5)
    assert.deepEqual(
      response.body().items.map((s: Record<string, unknown>) => ({
        nom: s.nom,
        adresse: s.adresse,
        telephone: s.telephone,
        email: s.email,
      })),
      STORES.map((s) => ({ nom: s.name, adresse: s.address, telephone: s.phone, email: s.email }))
    )
  })

  test('sorts by name', async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores').qs({ sort: 'nom,asc' }).header('x-api-token', token)
    assert.deepEqual(response.body().items.map((s: { nom: string }) => s.nom), [
      'Magasin Banlieue',
      'Magasin Centre-Ville',
      'Magasin Express',
      'Magasin Nord',
      'Magasin Sud',
    ])
  })

  test('limit is the page size, as on /products (it was ignored)', async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores').qs({ limit: 2 }).header('x-api-token', token)
    assert.containsSubset(response.body(), { total: 5, size: 2 })
    assert.lengthOf(response.body().items, 2)
    ;(await client.get('/api/v1/stores').qs({ limit: 0 }).header('x-api-token', token)).assertStatus(422)
  })

  test('search takes % and _ literally, not as LIKE wildcards', async ({ client, assert }) => {
    const writer = await tokenWith(['read', 'write'])
    for (const nom of ['Magasin 100% local', 'Magasin_Test']) {
      ;(await client.post('/api/v1/stores').json({ nom }).header('x-api-token', writer)).assertStatus(201)
    }
    const names = async (search: string) => {
      const response = await client.get('/api/v1/stores').qs({ search }).header('x-api-token', token)
      response.assertStatus(200)
      assert.equal(response.body().total, response.body().items.length, search)
      return response.body().items.map((s: { nom: string }) => s.nom)
    }
    assert.deepEqual(await names('%'), ['Magasin 100% local'])
    assert.deepEqual(await names('_'), ['Magasin_Test'])
    assert.deepEqual(await names('n_T'), ['Magasin_Test'])
    assert.deepEqual(await names('Magasin'), [...STORES.map((s) => s.name), 'Magasin 100% local', 'Magasin_Test'])
  })

  test('unknown query parameters are ignored, as in the original; known ones are still checked', async ({ client, assert }) => {
    const plain = await client.get('/api/v1/stores').qs({ sort: 'nom,desc' }).header('x-api-token', token)
    const extra = await client.get('/api/v1/stores').qs({ sort: 'nom,desc', foo: 1 }).header('x-api-token', token)
    extra.assertStatus(200)
    assert.deepEqual(extra.body(), plain.body())
    ;(await client.get('/api/v1/stores/with-contact').qs({ foo: 1 }).header('x-api-token', token)).assertStatus(200)
    const bad = await client.get('/api/v1/stores').qs({ size: 101, foo: 1 }).header('x-api-token', token)
    bad.assertStatus(422)
    assert.deepEqual(bad.body().details.validation_errors.map((e: { field: string }) => e.field), ['size'])
    // The store's registers are a new route: 422.
    ;(await client.get('/api/v1/stores/1/registers').qs({ foo: 1 }).header('x-api-token', token)).assertStatus(422)
  })

  test('returns one store and 404s an unknown one', async ({ client, assert }) => {
    const list = await client.get('/api/v1/stores').header('x-api-token', token)
    const id = list.body().items[0].id
    const one = await client.get(`/api/v1/stores/${id}`).header('x-api-token', token)
    assert.equal(one.body().nom, 'Magasin Centre-Ville')
    const missing = await client.get('/api/v1/stores/424242').header('x-api-token', token)
    missing.assertStatus(404)
    assert.equal(missing.body().message, 'Store with identifier 424242 not found')
  })
})
