import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { ledgerAndLevel, locationOfStore, setLevel, warehouseLocation } from '#tests/helpers/database'

/** The value of one Prometheus series (0 when absent). */
async function metric(client: ApiClient, name: string, label: string) {
  const line = (await client.get('/metrics')).text().split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label))
  return line ? Number(line.split(' ').pop()) : 0
}

async function setReorderPoint(locationId: number, productId: number, reorderPoint: number) {
  await db.from('stock_levels').where({ location_id: locationId, product_id: productId }).update({ reorder_point: reorderPoint })
}

test.group('POST /api/v1/stock/adjustments', (group) => {
  let manager: Awaited<ReturnType<typeof signedIn>>
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    manager = await signedIn('manager')
    return rollback
  })

  test('a signed adjustment writes one movement and keeps ledger = level', async ({ client, assert }) => {
    const store = await locationOfStore(1)
    await setLevel(store, 1, 30)
    const response = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 1, produit_id: 1, quantite: -4, motif: 'Casse' })
    response.assertStatus(201)
    assert.containsSubset(response.body(), {
      emplacement: { type: 'magasin', magasin_id: 1 },
      produit: { id: 1, code: 'ALI001' },
      quantite: -4,
      solde_apres: 26,
      type: 'ajustement',
      motif: 'Casse',
      utilisateur_id: manager.user.id,
    })
    assert.deepEqual(await ledgerAndLevel(store, 1), { ledger: 26, level: 26 })
  })

  test('a counted quantity is turned into the difference; a matching count writes nothing (204)', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    await setLevel(warehouse, 2, 500)
    const counted = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ entrepot: true, produit_id: 2, nouvelle_quantite: 480, motif: 'Inventaire annuel' })
    counted.assertStatus(201)
    assert.equal(counted.body().quantite, -20)
    assert.equal(counted.body().emplacement.type, 'entrepot')
    assert.deepEqual(await ledgerAndLevel(warehouse, 2), { ledger: 480, level: 480 })

    const movementsBefore = await db.from('stock_movements').count('* as n').first()
    const same = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ entrepot: true, produit_id: 2, nouvelle_quantite: 480, motif: 'Recomptage' })
    same.assertStatus(204)
    const movementsAfter = await db.from('stock_movements').count('* as n').first()
    assert.equal(Number(movementsAfter?.n), Number(movementsBefore?.n))
  })

  test('going below zero is a 409 INSUFFICIENT_STOCK and moves nothing', async ({ client, assert }) => {
    const store = await locationOfStore(2)
    await setLevel(store, 3, 5)
    const response = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 2, produit_id: 3, quantite: -6, motif: 'Vol' })
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'INSUFFICIENT_STOCK')
    assert.equal(response.body().details.items[0].available, 5)
    assert.containsSubset(response.body().details.emplacement, { type: 'magasin', magasin_id: 2 })
    assert.deepEqual(await ledgerAndLevel(store, 3), { ledger: 5, level: 5 })
  })

  test('an integration token with the write scope may adjust (no user recorded)', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', await tokenWith(['write']))
      .json({ magasin_id: 3, produit_id: 1, quantite: 2, motif: 'Retrouvé en réserve' })
    response.assertStatus(201)
    assert.isNull(response.body().utilisateur_id)
  })

  test('auth: no token 401, read-only token 403, clerk 403', async ({ client, assert }) => {
    const body = { magasin_id: 1, produit_id: 1, quantite: 1, motif: 'x' }
    ;(await client.post('/api/v1/stock/adjustments').json(body)).assertStatus(401)
    ;(await client.post('/api/v1/stock/adjustments').header('x-api-token', await tokenWith(['read'])).json(body)).assertStatus(403)
    const clerk = await signedIn('clerk', 1)
    const refused = await client.post('/api/v1/stock/adjustments').header('x-api-token', clerk.token).json(body)
    refused.assertStatus(403)
    assert.deepEqual(refused.body().details.required_roles, ['manager', 'admin'])
  })

  test('validation: one target, one quantity, non-zero, bounded, reason required, no unknown field', async ({ client, assert }) => {
    const before = await ledgerAndLevel(await locationOfStore(1), 1)
    const post = (body: Record<string, unknown>) =>
      client.post('/api/v1/stock/adjustments').header('x-api-token', manager.token).json(body)
    const cases: Record<string, unknown>[] = [
      { produit_id: 1, quantite: 1, motif: 'x' },
      { magasin_id: 1, entrepot: true, produit_id: 1, quantite: 1, motif: 'x' },
      { magasin_id: 1, produit_id: 1, motif: 'x' },
      { magasin_id: 1, produit_id: 1, quantite: 1, nouvelle_quantite: 3, motif: 'x' },
      { magasin_id: 1, produit_id: 1, quantite: 0, motif: 'x' },
      { magasin_id: 1, produit_id: 1, quantite: 100_001, motif: 'x' },
      { magasin_id: 1, produit_id: 1, quantite: 1.5, motif: 'x' },
      { magasin_id: 1, produit_id: 1, nouvelle_quantite: -1, motif: 'x' },
      { magasin_id: 1, produit_id: 1, quantite: 1 },
      { magasin_id: 1, produit_id: 1, quantite: 1, motif: '' },
      { magasin_id: 1, produit_id: 1, quantite: 1, motif: 'x'.repeat(501) },
      { magasin_id: 1, produit_id: 1, quantite: 1, motif: 'x', qte: 2 },
      { magasin_id: 'un', produit_id: 1, quantite: 1, motif: 'x' },
    ]
    for (const body of cases) {
      const response = await post(body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.equal(response.body().error_code, 'VALIDATION_ERROR')
    }
    assert.deepEqual(await ledgerAndLevel(await locationOfStore(1), 1), before)
  })

  test('unknown store or product: 404, naming the body field', async ({ client, assert }) => {
    const store = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 999, produit_id: 1, quantite: 1, motif: 'x' })
    store.assertStatus(404)
    assert.deepEqual(store.body().details, { resource: 'Store', identifier: 999, field: 'magasin_id' })
    const product = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 1, produit_id: 999, quantite: 1, motif: 'x' })
    product.assertStatus(404)
    assert.deepEqual(product.body().details, { resource: 'Product', identifier: 999, field: 'produit_id' })
  })

  test('crossing the reorder point emits one stock:alert; staying below does not', async ({ client, assert, cleanup }) => {
    const events = emitter.fake(['stock:alert'])
    cleanup(() => emitter.restore())
    const store = await locationOfStore(4)
    await setLevel(store, 6, 20)
    await setReorderPoint(store, 6, 15)
    const adjust = (quantite: number) =>
      client
        .post('/api/v1/stock/adjustments')
        .header('x-api-token', manager.token)
        .json({ magasin_id: 4, produit_id: 6, quantite, motif: 'Casse' })

    const alertsBefore = await metric(client, 'comptoir_stock_alerts_total', `location="${store}"`)
    ;(await adjust(-4)).assertStatus(201)
    events.assertNotEmitted('stock:alert')
    ;(await adjust(-1)).assertStatus(201)
    events.assertEmitted('stock:alert', ({ data }) =>
      data.locationId === store && data.productId === 6 && data.quantity === 15 && data.reorderPoint === 15
    )
    ;(await adjust(-3)).assertStatus(201)
    events.assertEmittedCount('stock:alert', 1)
    assert.equal((await metric(client, 'comptoir_stock_alerts_total', `location="${store}"`)) - alertsBefore, 1)
    assert.deepEqual(await ledgerAndLevel(store, 6), { ledger: 12, level: 12 })
  })
})

test.group('PATCH /api/v1/stock/levels', (group) => {
  let manager: Awaited<ReturnType<typeof signedIn>>
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    manager = await signedIn('manager')
    return rollback
  })

  test('sets the reorder point and answers the level with its new status', async ({ client, assert }) => {
    const store = await locationOfStore(1)
    await setLevel(store, 7, 40)
    const response = await client
      .patch('/api/v1/stock/levels')
      .header('x-api-token', manager.token)
      .json({ magasin_id: 1, produit_id: 7, seuil_reappro: 40 })
    response.assertStatus(200)
    assert.containsSubset(response.body(), {
      emplacement: { type: 'magasin', magasin_id: 1 },
      produit: { id: 7, code: 'BOI002' },
      quantite: 40,
      seuil_reappro: 40,
      statut: 'faible',
    })
    const level = await db.from('stock_levels').where({ location_id: store, product_id: 7 }).firstOrFail()
    assert.equal(level.reorder_point, 40)
    assert.deepEqual(await ledgerAndLevel(store, 7), { ledger: 40, level: 40 })
  })

  test('warehouse target, and a product never stocked there gets a level at 0', async ({ client, assert }) => {
    const [product] = await db
      .table('products')
      .insert({ code: 'NEW001', name: 'Nouveau', price_cents: 100, category_id: 1 })
      .returning('id')
    const response = await client
      .patch('/api/v1/stock/levels')
      .header('x-api-token', manager.token)
      .json({ entrepot: true, produit_id: product.id, seuil_reappro: 50 })
    response.assertStatus(200)
    assert.containsSubset(response.body(), { quantite: 0, seuil_reappro: 50, statut: 'rupture' })
    assert.deepEqual(await ledgerAndLevel(await warehouseLocation(), product.id), { ledger: 0, level: 0 })
  })

  test('auth, role, validation, not found', async ({ client }) => {
    const body = { magasin_id: 1, produit_id: 1, seuil_reappro: 10 }
    ;(await client.patch('/api/v1/stock/levels').json(body)).assertStatus(401)
    ;(await client.patch('/api/v1/stock/levels').header('x-api-token', await tokenWith(['read'])).json(body)).assertStatus(403)
    const clerk = await signedIn('clerk', 1)
    ;(await client.patch('/api/v1/stock/levels').header('x-api-token', clerk.token).json(body)).assertStatus(403)
    const patch = (b: Record<string, unknown>) => client.patch('/api/v1/stock/levels').header('x-api-token', manager.token).json(b)
    ;(await patch({ ...body, seuil_reappro: -1 })).assertStatus(422)
    ;(await patch({ produit_id: 1, seuil_reappro: 1 })).assertStatus(422)
    ;(await patch({ ...body, seuil: 3 })).assertStatus(422)
    ;(await patch({ ...body, magasin_id: 999 })).assertStatus(404)
    ;(await patch({ ...body, produit_id: 999 })).assertStatus(404)
  })
})

test.group('POST /api/v1/warehouse/receipts', (group) => {
  let manager: Awaited<ReturnType<typeof signedIn>>
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    manager = await signedIn('admin')
    return rollback
  })

  test('one receipt movement per line at the warehouse', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const before1 = await ledgerAndLevel(warehouse, 1)
    const before9 = await ledgerAndLevel(warehouse, 9)
    const response = await client
      .post('/api/v1/warehouse/receipts')
      .header('x-api-token', manager.token)
      .json({ fournisseur: 'Boulangerie Leclerc', reference: 'BL-42', lignes: [{ produit_id: 9, quantite: 50 }, { produit_id: 1, quantite: 200 }] })
    response.assertStatus(201)
    const body = response.body()
    assert.equal(body.fournisseur, 'Boulangerie Leclerc')
    assert.equal(body.reference, 'BL-42')
    assert.lengthOf(body.mouvements, 2)
    assert.containsSubset(body.mouvements[0], {
      emplacement: { type: 'entrepot', magasin_id: null },
      produit: { id: 9 },
      quantite: 50,
      solde_apres: before9.level + 50,
      type: 'reception',
      utilisateur_id: manager.user.id,
    })
    assert.include(body.mouvements[0].motif, 'Boulangerie Leclerc')
    assert.include(body.mouvements[0].motif, 'BL-42')
    assert.equal(body.mouvements[1].produit.id, 1)
    assert.deepEqual(await ledgerAndLevel(warehouse, 1), { ledger: before1.ledger + 200, level: before1.level + 200 })
    assert.deepEqual(await ledgerAndLevel(warehouse, 9), { ledger: before9.ledger + 50, level: before9.level + 50 })
  })

  test('validation, duplicates, unknown product (nothing moves)', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 1)
    const post = (b: Record<string, unknown>) => client.post('/api/v1/warehouse/receipts').header('x-api-token', manager.token).json(b)
    ;(await post({ lignes: [] })).assertStatus(422)
    ;(await post({})).assertStatus(422)
    ;(await post({ lignes: [{ produit_id: 1, quantite: 0 }] })).assertStatus(422)
    ;(await post({ lignes: [{ produit_id: 1, quantite: 100_001 }] })).assertStatus(422)
    ;(await post({ lignes: [{ produit_id: 1, quantite: 1 }], fournisseur: 'x'.repeat(151) })).assertStatus(422)
    ;(await post({ lignes: [{ produit_id: 1, quantite: 1 }], magasin_id: 1 })).assertStatus(422)
    const duplicate = await post({ lignes: [{ produit_id: 1, quantite: 1 }, { produit_id: 1, quantite: 2 }] })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().details.validation_errors[0].field, 'lignes.1.produit_id')
    const unknown = await post({ lignes: [{ produit_id: 1, quantite: 1 }, { produit_id: 999, quantite: 1 }] })
    unknown.assertStatus(404)
    assert.deepEqual(unknown.body().details, { resource: 'Product', identifier: 999, field: 'lignes.1.produit_id' })
    assert.deepEqual(await ledgerAndLevel(warehouse, 1), before)
  })

  test('auth and role', async ({ client }) => {
    const body = { lignes: [{ produit_id: 1, quantite: 1 }] }
    ;(await client.post('/api/v1/warehouse/receipts').json(body)).assertStatus(401)
    ;(await client.post('/api/v1/warehouse/receipts').header('x-api-token', await tokenWith(['read'])).json(body)).assertStatus(403)
    const clerk = await signedIn('clerk', 1)
    ;(await client.post('/api/v1/warehouse/receipts').header('x-api-token', clerk.token).json(body)).assertStatus(403)
  })
})
