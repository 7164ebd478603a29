import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { rowCounts } from '#tests/helpers/row_counts'
import { assertIdempotentCreation } from '#tests/helpers/idempotent_creation'
import { CATEGORIES } from '#database/data/reference_data'

test.group('GET /api/v1/categories', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('lists the four seed categories, paginated', async ({ client, assert }) => {
    const response = await client.get('/api/v1/categories').header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { total: 4, page: 1, size: 20 })
    assert.deepEqual(
      response.body().items.map((c: { nom: string; description: string }) => ({ name: c.nom, description: c.description })),
      CATEGORIES.map((c) => ({ name: c.name, description: c.description }))
    )
    assert.properties(response.body().items[0], ['id', 'nom', 'description'])
  })

  test('sorts, searches and pages', async ({ client, assert }) => {
    const sorted = await client.get('/api/v1/categories').qs({ sort: 'nom,desc', size: 2, page: 2 }).header('x-api-token', token)
    assert.deepEqual(sorted.body().items.map((c: { nom: string }) => c.nom), ['Boissons', 'Alimentaire'])
    const searched = await client.get('/api/v1/categories').qs({ search: 'entretien' }).header('x-api-token', token)
    assert.deepEqual(searched.body().items.map((c: { nom: string }) => c.nom), ['Ménage'])
  })

  test('bad query parameters are a 422', async ({ client }) => {
    for (const qs of [{ sort: 'description' }, { size: 0 }, { page: 'x' }, { unknown: 1 }]) {
      ;(await client.get('/api/v1/categories').qs(qs).header('x-api-token', token)).assertStatus(422)
    }
  })

  test('returns one category; 404 unknown, 422 non-numeric', async ({ client, assert }) => {
    const one = await client.get('/api/v1/categories/2').header('x-api-token', token)
    assert.deepEqual(one.body(), { id: 2, nom: 'Boissons', description: 'Boissons diverses' })
    const missing = await client.get('/api/v1/categories/9999').header('x-api-token', token)
    missing.assertStatus(404)
    assert.equal(missing.body().message, 'Category with identifier 9999 not found')
    ;(await client.get('/api/v1/categories/abc').header('x-api-token', token)).assertStatus(422)
  })

  test('needs a token with the read scope', async ({ client }) => {
    ;(await client.get('/api/v1/categories')).assertStatus(401)
    ;(await client.get('/api/v1/categories/1').header('x-api-token', await tokenWith(['write']))).assertStatus(403)
  })
})

test.group('Category writes', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a retry with the same Idempotency-Key answers with the first category instead of a 409 on its name', async (ctx) => {
    const body = { nom: 'Surgelés', description: 'Produits congelés' }
    await assertIdempotentCreation(ctx, { path: '/api/v1/categories', token, table: 'categories', body, otherBody: { nom: 'Épicerie' } })
  })

  test('POST creates a category (201)', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/categories')
      .header('x-api-token', token)
      .json({ nom: '  Surgelés ', description: 'Produits congelés' })
    response.assertStatus(201)
    assert.containsSubset(response.body(), { nom: 'Surgelés', description: 'Produits congelés' })
    const row = await db.from('categories').where('id', response.body().id).firstOrFail()
    assert.equal(row.name, 'Surgelés')
  })

  test('a name already used, whatever its case, is a 409 and nothing is written', async ({ client, assert }) => {
    const before = await rowCounts(['categories'])
    const response = await client.post('/api/v1/categories').header('x-api-token', token).json({ nom: 'boissons' })
    response.assertStatus(409)
    assert.containsSubset(response.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      message: "Category with nom 'boissons' already exists",
      details: { resource: 'Category', field: 'nom' },
    })
    const renamed = await client.patch('/api/v1/categories/1').header('x-api-token', token).json({ nom: 'Ménage' })
    renamed.assertStatus(409)
    assert.deepEqual(await rowCounts(['categories']), before)
  })

  test('bad bodies are a 422 naming the field, and nothing is written', async ({ client, assert }) => {
    const before = await rowCounts(['categories'])
    for (const [body, field] of [
      [{}, 'nom'],
      [{ nom: '' }, 'nom'],
      [{ nom: 'x'.repeat(101) }, 'nom'],
      [{ nom: 42 }, 'nom'],
      [{ nom: 'Ok', description: 'x'.repeat(501) }, 'description'],
      [{ nom: 'Ok', color: 'red' }, 'color'],
    ] as const) {
      const response = await client.post('/api/v1/categories').header('x-api-token', token).json(body)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, field)
    }
    assert.deepEqual(await rowCounts(['categories']), before)
  })

  test('PUT and PATCH change what is sent (null clears the description)', async ({ client, assert }) => {
    const before = (await client.get('/api/v1/categories/4').header('x-api-token', token)).body()
    const put = await client.put('/api/v1/categories/4').header('x-api-token', token).json({ nom: 'Entretien' })
    put.assertStatus(200)
    assert.deepEqual(put.body(), { ...before, id: 4, nom: 'Entretien' })
    const cleared = await client.put('/api/v1/categories/4').header('x-api-token', token).json({ description: null })
    assert.deepEqual(cleared.body(), { id: 4, nom: 'Entretien', description: null })
    const patch = await client.patch('/api/v1/categories/4').header('x-api-token', token).json({ description: 'Maison' })
    assert.deepEqual(patch.body(), { id: 4, nom: 'Entretien', description: 'Maison' })
    const sameName = await client.put('/api/v1/categories/4').header('x-api-token', token).json({ nom: 'ENTRETIEN' })
    sameName.assertStatus(200)
    const nullName = await client.patch('/api/v1/categories/4').header('x-api-token', token).json({ nom: null })
    nullName.assertStatus(422)
    ;(await client.put('/api/v1/categories/4').header('x-api-token', token).json({ nom: '' })).assertStatus(422)
    ;(await client.put('/api/v1/categories/9999').header('x-api-token', token).json({ nom: 'X' })).assertStatus(404)
    ;(await client.patch('/api/v1/categories/9999').header('x-api-token', token).json({ nom: 'X' })).assertStatus(404)
    ;(await client.put('/api/v1/categories/9999').header('x-api-token', token).json({ id: 9999, nom: 'X' })).assertStatus(404)
  })

  test('a category sent back as read, with its id, is updated; another id is refused', async ({ client, assert }) => {
    const read = (await client.get('/api/v1/categories/4').header('x-api-token', token)).body()
    const put = await client.put('/api/v1/categories/4').header('x-api-token', token).json({ ...read, nom: 'Maison' })
    put.assertStatus(200)
    assert.equal(put.body().nom, 'Maison')
    const moved = await client.put('/api/v1/categories/4').header('x-api-token', token).json({ ...read, id: 3 })
    moved.assertStatus(422)
    assert.deepEqual(moved.body().details.validation_errors.map((e: { field: string }) => e.field), ['id'])
  })

  test('DELETE removes an unused category; one used by products is a 409', async ({ client, assert }) => {
    const created = await client.post('/api/v1/categories').header('x-api-token', token).json({ nom: 'Temporaire' })
    const deleted = await client.delete(`/api/v1/categories/${created.body().id}`).header('x-api-token', token)
    deleted.assertStatus(200)
    assert.deepEqual(deleted.body(), created.body())
    ;(await client.get(`/api/v1/categories/${created.body().id}`).header('x-api-token', token)).assertStatus(404)

    const used = await client.delete('/api/v1/categories/1').header('x-api-token', token)
    used.assertStatus(409)
    assert.containsSubset(used.body(), {
      error_code: 'RESOURCE_IN_USE',
      message: 'Category with identifier 1 is referenced by products and cannot be deleted',
    })
    assert.isNotNull(await db.from('categories').where('id', 1).first())
    ;(await client.delete('/api/v1/categories/9999').header('x-api-token', token)).assertStatus(404)
    ;(await client.delete('/api/v1/categories/x').header('x-api-token', token)).assertStatus(422)
  })

  test('writes need the write scope and, for a session, a manager or admin', async ({ client, assert }) => {
    const before = await rowCounts(['categories'])
    ;(await client.post('/api/v1/categories').json({ nom: 'A' })).assertStatus(401)
    const readOnly = await tokenWith(['read'])
    ;(await client.post('/api/v1/categories').header('x-api-token', readOnly).json({ nom: 'A' })).assertStatus(403)
    ;(await client.delete('/api/v1/categories/4').header('x-api-token', readOnly)).assertStatus(403)
    const clerk = await sessionTokenFor('clerk', { storeId: 2 })
    const refused = await client.post('/api/v1/categories').header('x-api-token', clerk.token).json({ nom: 'A' })
    refused.assertStatus(403)
    assert.deepEqual(refused.body().details.required_roles, ['manager', 'admin'])
    ;(await client.patch('/api/v1/categories/4').header('x-api-token', clerk.token).json({ nom: 'B' })).assertStatus(403)
    assert.deepEqual(await rowCounts(['categories']), before)
    assert.equal((await db.from('categories').where('id', 4).firstOrFail()).name, 'Ménage')

    const manager = await sessionTokenFor('manager')
    ;(await client.post('/api/v1/categories').header('x-api-token', manager.token).json({ nom: 'A' })).assertStatus(201)
  })
})
