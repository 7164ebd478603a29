import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { act, clerkAndManager, createRequest, snapshot } from '#tests/functional/inventory/replenishment_helpers'

test.group('Replenishment requests: creation and reads', (group) => {
  const actors = eachTestRolledBack(group, clerkAndManager)

  test('a clerk requests for their store: en_attente, nothing moves yet', async ({ client, assert }) => {
    const { clerk } = actors
    const before = await snapshot()
    const request = await createRequest(client, clerk, { note: 'Fête de quartier' })
    assert.containsSubset(request, {
      magasin_id: 1,
      magasin: { id: 1, nom: 'Magasin Centre-Ville' },
      produit_id: 2,
      produit: { id: 2, code: 'ALI002', nom: 'Lait' },
      quantite: 30,
      note: 'Fête de quartier',
      statut: 'en_attente',
      actions_possibles: ['approve', 'reject', 'cancel'],
      demande_par: clerk.user.id,
      validee_le: null,
    })
    assert.match(request.demande_le, /Z$/)
    assert.deepEqual(await snapshot(), before)
  })

  test('a clerk cannot request for another store; magasin_id is required', async ({ client, assert }) => {
    const { clerk } = actors
    const other = await client
      .post('/api/v1/replenishments')
      .header('x-api-token', clerk.token)
      .json({ magasin_id: 2, produit_id: 2, quantite: 5 })
    other.assertStatus(403)
    const missing = await client.post('/api/v1/replenishments').header('x-api-token', clerk.token).json({ produit_id: 2, quantite: 5 })
    missing.assertStatus(422)
    assert.equal(missing.body().details.validation_errors[0].field, 'magasin_id')
    const count = await db.from('replenishment_requests').count('* as n').first()
    assert.equal(Number(count?.n), 0)
  })

  test('validation and not found', async ({ client }) => {
    const { manager } = actors
    const post = (body: Record<string, unknown>) => client.post('/api/v1/replenishments').header('x-api-token', manager.token).json(body)
    const valid = { magasin_id: 1, produit_id: 2, quantite: 5 }
    ;(await post({ ...valid, quantite: 0 })).assertStatus(422)
    ;(await post({ ...valid, quantite: -5 })).assertStatus(422)
    ;(await post({ ...valid, quantite: 100_001 })).assertStatus(422)
    ;(await post({ ...valid, quantite: null })).assertStatus(422)
    ;(await post({ ...valid, note: 'x'.repeat(501) })).assertStatus(422)
    ;(await post({ ...valid, statut: 'validee' })).assertStatus(422)
    ;(await post({ ...valid, magasin_id: 999 })).assertStatus(404)
    ;(await post({ ...valid, produit_id: 999 })).assertStatus(404)
    await db.from('products').where('id', 2).update({ is_active: false })
    ;(await post(valid)).assertStatus(422)
  })

  test('auth: no token 401, read-only token 403; an integration token may request', async ({ client, assert }) => {
    const body = { magasin_id: 1, produit_id: 2, quantite: 5 }
    ;(await client.post('/api/v1/replenishments').json(body)).assertStatus(401)
    ;(await client.post('/api/v1/replenishments').header('x-api-token', await tokenWith(['read'])).json(body)).assertStatus(403)
    const integration = await client.post('/api/v1/replenishments').header('x-api-token', await tokenWith(['write'])).json(body)
    integration.assertStatus(201)
    assert.isNull(integration.body().demande_par)
  })

  test('list: newest first, filters, clerk sees own store only', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const first = await createRequest(client, manager, { magasin_id: 1, produit_id: 2 })
    const second = await createRequest(client, manager, { magasin_id: 2, produit_id: 3 })
    const third = await createRequest(client, manager, { magasin_id: 1, produit_id: 4 })
    ;(await act(client, manager, third.id, 'reject', { motif: 'Pas de budget' })).assertStatus(200)

    const all = await client.get('/api/v1/replenishments').header('x-api-token', manager.token)
    all.assertStatus(200)
    assert.deepEqual(all.body().items.map((r: { id: number }) => r.id), [third.id, second.id, first.id])
    const get = (qs: Record<string, unknown>, token = manager.token) => client.get('/api/v1/replenishments').qs(qs).header('x-api-token', token)
    assert.deepEqual((await get({ statut: 'refusee' })).body().items.map((r: { id: number }) => r.id), [third.id])
    assert.deepEqual((await get({ statut: 'en_attente', magasin_id: 1 })).body().items.map((r: { id: number }) => r.id), [first.id])
    assert.deepEqual((await get({ produit_id: 3 })).body().items.map((r: { id: number }) => r.id), [second.id])
    assert.deepEqual((await get({ sort: 'id,asc' })).body().items.map((r: { id: number }) => r.id), [first.id, second.id, third.id])
    ;(await get({ statut: 'pending' })).assertStatus(422)

    const own = await get({}, clerk.token)
    assert.deepEqual(own.body().items.map((r: { id: number }) => r.id), [third.id, first.id])
    ;(await get({ magasin_id: 2 }, clerk.token)).assertStatus(403)
  })

  test('show: one request; 404; non-numeric id is 422; other store 403', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, manager, { magasin_id: 2 })
    const shown = await client.get(`/api/v1/replenishments/${request.id}`).header('x-api-token', manager.token)
    shown.assertStatus(200)
    assert.equal(shown.body().id, request.id)
    ;(await client.get('/api/v1/replenishments/999999').header('x-api-token', manager.token)).assertStatus(404)
    const bad = await client.get('/api/v1/replenishments/abc').header('x-api-token', manager.token)
    bad.assertStatus(422)
    assert.equal(bad.body().error_code, 'VALIDATION_ERROR')
    ;(await client.get(`/api/v1/replenishments/${request.id}`).header('x-api-token', clerk.token)).assertStatus(403)
    ;(await client.get(`/api/v1/replenishments/${request.id}`)).assertStatus(401)
  })
})
