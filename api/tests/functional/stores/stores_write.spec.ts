import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { rowCounts } from '#tests/helpers/row_counts'
import { TAXES } from '#database/data/reference_data'
import { assertIdempotentCreation } from '#tests/helpers/idempotent_creation'

const STORE_TABLES = ['stores', 'stock_locations', 'stock_levels', 'store_tax_rates', 'registers']
const ouest = { nom: 'Magasin Ouest', adresse: '12 Rue Ouest', telephone: '514-555-0006', email: 'ouest@magasin.com' }

async function newStore(client: ApiClient, token: string, body: object = ouest) {
  const response = await client.post('/api/v1/stores').header('x-api-token', token).json(body)
  response.assertStatus(201)
  return response.body()
}

test.group('POST /api/v1/stores', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a retry with the same Idempotency-Key answers with the first store instead of a 409 on its name', async (ctx) => {
    await assertIdempotentCreation(ctx, { path: '/api/v1/stores', token, table: 'stores', body: ouest, otherBody: { nom: 'Magasin Est' } })
  })

  test('creates a store with its stock location, zero stock for every product and its taxes', async ({ client, assert }) => {
    const store = await newStore(client, token)
    assert.deepEqual(store, { id: store.id, ...ouest })
    const location = await db.from('stock_locations').where('store_id', store.id).firstOrFail()
    assert.containsSubset(location, { kind: 'store', name: 'Magasin Ouest' })
    const levels = await db.from('stock_levels').where('location_id', location.id)
    const products = await db.from('products').select('id')
    assert.sameMembers(levels.map((l) => l.product_id), products.map((p) => p.id))
    assert.isTrue(levels.every((l) => l.quantity === 0))
    const taxes = await db.from('store_tax_rates').where('store_id', store.id).orderBy('position')
    assert.deepEqual(
      taxes.map((t) => ({ code: t.code, rate_ppm: t.rate_ppm, position: t.position, registration_number: t.registration_number })),
      TAXES.map((t) => ({ code: t.code, rate_ppm: t.ratePpm, position: t.position, registration_number: null }))
    )
    assert.lengthOf(await db.from('registers').where('store_id', store.id), 0)
  })

  test('only nom is required; contact fields may be omitted or null', async ({ client, assert }) => {
    const store = await newStore(client, token, { nom: 'Magasin Minimal', email: null })
    assert.deepEqual(store, { id: store.id, nom: 'Magasin Minimal', adresse: null, telephone: null, email: null })
  })

  test('a name already used (any case) is a 409 naming the field, and nothing is written', async ({ client, assert }) => {
    const before = await rowCounts(STORE_TABLES)
    const response = await client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'Magasin Nord' })
    response.assertStatus(409)
    assert.containsSubset(response.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      message: "Store with nom 'Magasin Nord' already exists",
      details: { resource: 'Store', field: 'nom', value: 'Magasin Nord' },
    })
    ;(await client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'MAGASIN NORD' })).assertStatus(409)
    assert.deepEqual(await rowCounts(STORE_TABLES), before)
  })

  test('validates e-mail, telephone, lengths, types and unknown fields', async ({ client, assert }) => {
    const before = await rowCounts(STORE_TABLES)
    for (const [body, field] of [
      [{}, 'nom'],
      [{ nom: ' ' }, 'nom'],
      [{ nom: 'x'.repeat(151) }, 'nom'],
      [{ nom: 5 }, 'nom'],
      [{ nom: 'A', email: 'pas-un-courriel' }, 'email'],
      [{ nom: 'A', email: 'string' }, 'email'],
      [{ nom: 'A', email: `${'x'.repeat(250)}@a.com` }, 'email'],
      [{ nom: 'A', telephone: 'appelez-moi' }, 'telephone'],
      [{ nom: 'A', telephone: '1'.repeat(41) }, 'telephone'],
      [{ nom: 'A', adresse: 'x'.repeat(301) }, 'adresse'],
      [{ nom: 'A', ville: 'Montréal' }, 'ville'],
    ] as const) {
      const response = await client.post('/api/v1/stores').header('x-api-token', token).json(body)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, field, JSON.stringify(body).slice(0, 60))
    }
    assert.deepEqual(await rowCounts(STORE_TABLES), before)
  })

  test('needs the write scope; a clerk may not create stores', async ({ client, assert }) => {
    const before = await rowCounts(STORE_TABLES)
    ;(await client.post('/api/v1/stores').json(ouest)).assertStatus(401)
    ;(await client.post('/api/v1/stores').header('x-api-token', await tokenWith(['read'])).json(ouest)).assertStatus(403)
    const clerk = await sessionTokenFor('clerk', { storeId: 1 })
    ;(await client.post('/api/v1/stores').header('x-api-token', clerk.token).json(ouest)).assertStatus(403)
    assert.deepEqual(await rowCounts(STORE_TABLES), before)
    const manager = await sessionTokenFor('manager')
    ;(await client.post('/api/v1/stores/').header('x-api-token', manager.token).json(ouest)).assertStatus(201)
  })
})

test.group('PUT, PATCH and update-contact on /api/v1/stores/:id', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test("PUT changes only the fields sent (the original's PUT: contact fields kept) and renames the stock location", async ({ client, assert }) => {
    const store = await newStore(client, token)
    const response = await client.put(`/api/v1/stores/${store.id}`).header('x-api-token', token).json({ nom: 'Magasin Ouest 2' })
    response.assertStatus(200)
    assert.deepEqual(response.body(), { ...store, nom: 'Magasin Ouest 2' })
    assert.isNotNull(store.adresse)
    const cleared = await client.put(`/api/v1/stores/${store.id}`).header('x-api-token', token).json({ email: null })
    assert.deepEqual(cleared.body(), { ...store, nom: 'Magasin Ouest 2', email: null })
    assert.equal((await db.from('stock_locations').where('store_id', store.id).firstOrFail()).name, 'Magasin Ouest 2')
  })

  test('a store read with GET (taxes included) and sent back with one change is updated; changed taxes are refused', async ({ client, assert }) => {
    const read = (await client.get('/api/v1/stores/2').header('x-api-token', token)).body()
    assert.isNotEmpty(read.taxes)
    const response = await client.put('/api/v1/stores/2').header('x-api-token', token).json({ ...read, telephone: '514-555-0299' })
    response.assertStatus(200)
    assert.equal(response.body().telephone, '514-555-0299')
    const taxes = [{ ...read.taxes[0], taux: '7.000' }, ...read.taxes.slice(1)]
    const refused = await client.patch('/api/v1/stores/2').header('x-api-token', token).json({ ...read, taxes })
    refused.assertStatus(422)
    assert.deepEqual(refused.body().details.validation_errors.map((e: { field: string; type: string }) => [e.field, e.type]), [['taxes', 'readOnly']])
    assert.equal((await db.from('stores').where('id', 2).firstOrFail()).phone, '514-555-0299')
  })

  test('PATCH changes only what is sent; null nom is refused', async ({ client, assert }) => {
    const response = await client.patch('/api/v1/stores/2').header('x-api-token', token).json({ telephone: '+1 (514) 555-0202' })
    response.assertStatus(200)
    assert.containsSubset(response.body(), { nom: 'Magasin Banlieue', telephone: '+1 (514) 555-0202', email: 'banlieue@magasin.com' })
    ;(await client.patch('/api/v1/stores/2').header('x-api-token', token).json({ nom: null })).assertStatus(422)
    ;(await client.patch('/api/v1/stores/2').header('x-api-token', token).json({ email: 'x@' })).assertStatus(422)
    assert.equal((await db.from('stores').where('id', 2).firstOrFail()).name, 'Magasin Banlieue')
  })

  test("another store's name is a 409; 404 for an unknown store; 422 for a bad id", async ({ client, assert }) => {
    const taken = await client.patch('/api/v1/stores/2').header('x-api-token', token).json({ nom: 'magasin sud' })
    taken.assertStatus(409)
    assert.equal(taken.body().details.field, 'nom')
    ;(await client.put('/api/v1/stores/2').header('x-api-token', token).json({ nom: 'MAGASIN BANLIEUE' })).assertStatus(200)
    ;(await client.put('/api/v1/stores/9999').header('x-api-token', token).json({ nom: 'X' })).assertStatus(404)
    ;(await client.patch('/api/v1/stores/9999').header('x-api-token', token).json({ nom: 'X' })).assertStatus(404)
    ;(await client.patch('/api/v1/stores/1.5').header('x-api-token', token).json({ nom: 'X' })).assertStatus(422)
  })

  test('update-contact takes email and telephone from the query string, like the original', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/stores/3/update-contact')
      .qs({ email: 'nord2@magasin.com', telephone: '514-555-9999' })
      .header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { nom: 'Magasin Nord', email: 'nord2@magasin.com', telephone: '514-555-9999', adresse: '789 Boulevard Nord' })
  })

  test('update-contact also takes a JSON body; null clears a field', async ({ client, assert }) => {
    const response = await client.post('/api/v1/stores/3/update-contact').header('x-api-token', token).json({ email: null })
    response.assertStatus(200)
    assert.containsSubset(response.body(), { email: null, telephone: '514-555-0003' })
  })

  test('update-contact refuses an invalid e-mail, a field sent twice, other fields; 404 unknown store', async ({ client, assert }) => {
    const invalid = await client.post('/api/v1/stores/3/update-contact').qs({ email: 'invalide' }).header('x-api-token', token)
    invalid.assertStatus(422)
    assert.equal(invalid.body().details.validation_errors[0].field, 'email')
    const twice = await client
      .post('/api/v1/stores/3/update-contact')
      .qs({ email: 'a@b.com' })
      .header('x-api-token', token)
      .json({ email: 'c@d.com' })
    twice.assertStatus(422)
    assert.equal(twice.body().details.validation_errors[0].type, 'sentTwice')
    ;(await client.post('/api/v1/stores/3/update-contact').qs({ nom: 'X' }).header('x-api-token', token)).assertStatus(422)
    ;(await client.post('/api/v1/stores/3/update-contact').header('x-api-token', token).json({ adresse: 'X' })).assertStatus(422)
    ;(await client.post('/api/v1/stores/9999/update-contact').qs({ email: 'a@b.com' }).header('x-api-token', token)).assertStatus(404)
    assert.containsSubset(await db.from('stores').where('id', 3).firstOrFail(), { email: 'nord@magasin.com', phone: '514-555-0003' })
  })

  test('writes need the write scope and a manager or admin behind a session', async ({ client, assert }) => {
    const readOnly = await tokenWith(['read'])
    ;(await client.patch('/api/v1/stores/2').json({ nom: 'X' })).assertStatus(401)
    ;(await client.patch('/api/v1/stores/2').header('x-api-token', readOnly).json({ nom: 'X' })).assertStatus(403)
    ;(await client.post('/api/v1/stores/2/update-contact').qs({ email: 'a@b.com' }).header('x-api-token', readOnly)).assertStatus(403)
    const clerk = await sessionTokenFor('clerk', { storeId: 2 })
    ;(await client.put('/api/v1/stores/2').header('x-api-token', clerk.token).json({ nom: 'X' })).assertStatus(403)
    ;(await client.post('/api/v1/stores/2/update-contact').qs({ email: 'a@b.com' }).header('x-api-token', clerk.token)).assertStatus(403)
    assert.containsSubset(await db.from('stores').where('id', 2).firstOrFail(), { name: 'Magasin Banlieue', email: 'banlieue@magasin.com' })
  })
})

test.group('DELETE /api/v1/stores/:id', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a store created and never used is deleted with its location, levels and taxes', async ({ client, assert }) => {
    const before = await rowCounts(STORE_TABLES)
    const store = await newStore(client, token)
    const response = await client.delete(`/api/v1/stores/${store.id}`).header('x-api-token', token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), store)
    assert.deepEqual(await rowCounts(STORE_TABLES), before)
  })

  test('a seed store (registers, stock) is a 409 RESOURCE_IN_USE and stays whole', async ({ client, assert }) => {
    const before = await rowCounts(STORE_TABLES)
    const response = await client.delete('/api/v1/stores/1').header('x-api-token', token)
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'RESOURCE_IN_USE')
    assert.include(response.body().message, 'registers')
    assert.include(response.body().message, 'stock')
    assert.deepEqual(await rowCounts(STORE_TABLES), before)
  })

  test('a new store with a register is in use', async ({ client, assert }) => {
    const store = await newStore(client, token)
    await client.post(`/api/v1/stores/${store.id}/registers`).header('x-api-token', token).json({})
    const response = await client.delete(`/api/v1/stores/${store.id}`).header('x-api-token', token)
    response.assertStatus(409)
    assert.equal(response.body().message, `Store with identifier ${store.id} is referenced by registers and cannot be deleted`)
  })

  test('404 unknown, 422 bad id, 401/403 without the right token or role', async ({ client }) => {
    const store = await newStore(client, token)
    ;(await client.delete('/api/v1/stores/9999').header('x-api-token', token)).assertStatus(404)
    ;(await client.delete('/api/v1/stores/abc').header('x-api-token', token)).assertStatus(422)
    ;(await client.delete(`/api/v1/stores/${store.id}`)).assertStatus(401)
    ;(await client.delete(`/api/v1/stores/${store.id}`).header('x-api-token', await tokenWith(['read']))).assertStatus(403)
    const clerk = await sessionTokenFor('clerk', { storeId: 1 })
    ;(await client.delete(`/api/v1/stores/${store.id}`).header('x-api-token', clerk.token)).assertStatus(403)
    ;(await client.get(`/api/v1/stores/${store.id}`).header('x-api-token', token)).assertStatus(200)
  })
})

test.group('Store look-ups: by-name, with-contact, complete-contact', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('by-name is an exact match', async ({ client, assert }) => {
    const found = await client.get(`/api/v1/stores/by-name/${encodeURIComponent('Magasin Centre-Ville')}`).header('x-api-token', token)
    found.assertStatus(200)
    assert.containsSubset(found.body(), { nom: 'Magasin Centre-Ville', email: 'centre@magasin.com' })
    const accented = await newStore(client, token, { nom: 'Magasin Érablière' })
    const byAccent = await client.get(`/api/v1/stores/by-name/${encodeURIComponent('Magasin Érablière')}`).header('x-api-token', token)
    assert.equal(byAccent.body().id, accented.id)
    const caseMismatch = await client.get('/api/v1/stores/by-name/magasin%20nord').header('x-api-token', token)
    caseMismatch.assertStatus(404)
    assert.equal(caseMismatch.body().message, 'Store with identifier magasin nord not found')
    ;(await client.get(`/api/v1/stores/by-name/${'x'.repeat(151)}`).header('x-api-token', token)).assertStatus(422)
  })

  test('with-contact lists stores with a telephone or an e-mail; complete-contact those with all three', async ({ client, assert }) => {
    const phoneOnly = await newStore(client, token, { nom: 'Téléphone seul', telephone: '514-555-1111' })
    const emailOnly = await newStore(client, token, { nom: 'Courriel seul', email: 'seul@magasin.com', adresse: '1 Rue' })
    await newStore(client, token, { nom: 'Sans contact', adresse: '2 Rue' })
    const complete = await newStore(client, token)

    const withContact = await client.get('/api/v1/stores/with-contact').header('x-api-token', token)
    withContact.assertStatus(200)
    assert.deepEqual(withContact.body().map((s: { id: number }) => s.id), [1, 2, 3, 4, 5, phoneOnly.id, emailOnly.id, complete.id])

    const full = await client.get('/api/v1/stores/business/complete-contact/').header('x-api-token', token)
    full.assertStatus(200)
    assert.deepEqual(full.body().map((s: { id: number }) => s.id), [1, 2, 3, 4, 5, complete.id])
    assert.containsSubset(full.body()[0], { id: 1, nom: 'Magasin Centre-Ville' })
  })

  test('need a token with the read scope', async ({ client }) => {
    ;(await client.get('/api/v1/stores/with-contact')).assertStatus(401)
    ;(await client.get('/api/v1/stores/business/complete-contact')).assertStatus(401)
    const writeOnly = await tokenWith(['write'])
    ;(await client.get('/api/v1/stores/by-name/Magasin%20Nord').header('x-api-token', writeOnly)).assertStatus(403)
    ;(await client.get('/api/v1/stores/with-contact').header('x-api-token', writeOnly)).assertStatus(403)
  })
})
