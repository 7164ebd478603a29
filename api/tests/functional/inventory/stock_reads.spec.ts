import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { locationOfStore, setLevel, warehouseLocation } from '#tests/helpers/database'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { STOCK_STATUSES, stockStatus, stockStatusSql } from '#inventory/stock_status'

async function setReorderPoint(locationId: number, productId: number, reorderPoint: number) {
  await db.from('stock_levels').where({ location_id: locationId, product_id: productId }).update({ reorder_point: reorderPoint })
}

test.group('Stock status rule', () => {
  test('rupture / critique / faible / normal, the same in code and in SQL', async ({ assert }) => {
    const cases: [number, number, string][] = [
      [0, 0, 'rupture'],
      [0, 10, 'rupture'],
      [5, 10, 'critique'],
      [7, 15, 'critique'],
      [8, 15, 'faible'],
      [10, 10, 'faible'],
      [11, 10, 'normal'],
      [1, 0, 'normal'],
    ]
    for (const [quantity, reorderPoint, expected] of cases) {
      assert.equal(stockStatus(quantity, reorderPoint), expected, `${quantity}/${reorderPoint}`)
      const row = await db.rawQuery(`SELECT ${stockStatusSql('q', 'r')} AS s FROM (SELECT ?::int AS q, ?::int AS r) t`, [quantity, reorderPoint])
      assert.equal(row.rows[0].s, expected, `SQL ${quantity}/${reorderPoint}`)
    }
    assert.deepEqual([...STOCK_STATUSES], ['rupture', 'critique', 'faible', 'normal'])
  })
})

test.group('GET /api/v1/warehouse/stock', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('one row per product with its warehouse level and status', async ({ client, assert }) => {
    const response = await client.get('/api/v1/warehouse/stock').header('x-api-token', token)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.total, 13)
    const first = body.items[0]
    assert.properties(first, ['produit_id', 'code', 'nom', 'quantite', 'seuil_reappro', 'statut'])
    assert.equal(first.code, 'ALI001')
    const level = await db.from('stock_levels').where({ location_id: await warehouseLocation(), product_id: first.produit_id }).firstOrFail()
    assert.equal(first.quantite, level.quantity)
    assert.equal(first.seuil_reappro, level.reorder_point)
    assert.equal(first.statut, stockStatus(level.quantity, level.reorder_point))
  })

  test('filters by status, search and category; sorts by quantity', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    await setLevel(warehouse, 2, 0)
    await setReorderPoint(warehouse, 3, 150)
    await setLevel(warehouse, 3, 60)

    const rupture = await client.get('/api/v1/warehouse/stock').qs({ statut: 'rupture' }).header('x-api-token', token)
    assert.deepEqual(rupture.body().items.map((i: { produit_id: number }) => i.produit_id), [2])
    const critical = await client.get('/api/v1/warehouse/stock').qs({ statut: 'critique' }).header('x-api-token', token)
    assert.deepEqual(critical.body().items.map((i: { produit_id: number }) => i.produit_id), [3])

    const search = await client.get('/api/v1/warehouse/stock').qs({ search: 'savon' }).header('x-api-token', token)
    assert.deepEqual(search.body().items.map((i: { code: string }) => i.code), ['HYG002'])
    const category = await client.get('/api/v1/warehouse/stock').qs({ categorie_id: 2 }).header('x-api-token', token)
    assert.deepEqual(category.body().items.map((i: { code: string }) => i.code), ['BOI001', 'BOI002', 'BOI003'])

    const sorted = await client.get('/api/v1/warehouse/stock').qs({ sort: 'quantite,asc', size: 2 }).header('x-api-token', token)
    assert.deepEqual(sorted.body().items.map((i: { quantite: number }) => i.quantite), [0, 60])
    const bySeverity = await client.get('/api/v1/warehouse/stock').qs({ sort: 'statut', size: 2 }).header('x-api-token', token)
    assert.deepEqual(bySeverity.body().items.map((i: { statut: string }) => i.statut), ['rupture', 'critique'])
  })

  test('auth and validation', async ({ client }) => {
    ;(await client.get('/api/v1/warehouse/stock')).assertStatus(401)
    ;(await client.get('/api/v1/warehouse/stock').header('x-api-token', await tokenWith(['reports']))).assertStatus(403)
    ;(await client.get('/api/v1/warehouse/stock').qs({ statut: 'bas' }).header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/warehouse/stock').qs({ sort: 'prix' }).header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/warehouse/stock').qs({ magasin: 1 }).header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/warehouse/stock/').header('x-api-token', token)).assertStatus(200)
  })
})

test.group('GET /api/v1/stock/movements', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test('the ledger, newest first, in the wire format', async ({ client, assert }) => {
    const store = await locationOfStore(1)
    await setLevel(store, 1, 3)
    const response = await client.get('/api/v1/stock/movements').header('x-api-token', token)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.total, 6 * 13 + 1)
    const newest = body.items[0]
    assert.containsSubset(newest, {
      emplacement: { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' },
      produit: { id: 1, code: 'ALI001', nom: 'Pain' },
      solde_apres: 3,
      type: 'ajustement',
      reference: null,
      motif: 'test setup',
      utilisateur_id: null,
    })
    assert.isBelow(newest.quantite, 0)
    assert.match(newest.cree_le, /^\d{4}-\d{2}-\d{2}T.*Z$/)
    const ids = body.items.map((m: { id: number }) => m.id)
    assert.deepEqual(ids, [...ids].sort((a: number, b: number) => b - a))
  })

  test('filters by store, warehouse, product, type and reference', async ({ client, assert }) => {
    const get = (qs: Record<string, unknown>) => client.get('/api/v1/stock/movements').qs(qs).header('x-api-token', token)
    const store2 = await get({ magasin_id: 2 })
    assert.equal(store2.body().total, 13)
    assert.isTrue(store2.body().items.every((m: { emplacement: { magasin_id: number } }) => m.emplacement.magasin_id === 2))
    const warehouse = await get({ entrepot: true, type: 'reception' })
    assert.equal(warehouse.body().total, 13)
    assert.isTrue(warehouse.body().items.every((m: { emplacement: { type: string } }) => m.emplacement.type === 'entrepot'))
    assert.equal((await get({ entrepot: true, type: 'ajustement' })).body().total, 0)
    assert.equal((await get({ produit_id: 5 })).body().total, 6)

    const store3 = await locationOfStore(3)
    await db.transaction((trx) =>
      applyStockChanges(trx, store3, [{ productId: 4, delta: 5 }], {
        kind: 'replenishment_in',
        referenceType: 'replenishment_request',
        referenceId: 77,
      })
    )
    const byReference = await get({ reference: 'demande_reappro:77' })
    assert.equal(byReference.body().total, 1)
    assert.deepEqual(byReference.body().items[0].reference, { type: 'demande_reappro', id: 77 })
    assert.equal(byReference.body().items[0].type, 'reappro_entree')
    assert.equal((await get({ reference: 'demande_reappro' })).body().total, 1)
    assert.equal((await get({ reference: 'demande_reappro:78' })).body().total, 0)
  })

  test('a reference of an unknown type is a 422, not an empty page', async ({ client, assert }) => {
    const get = (reference: string) =>
      client.get('/api/v1/stock/movements').qs({ reference }).header('x-api-token', token)
    for (const reference of ['demande_reapro:77', 'foo:1', 'sale:1', 'replenishment_request']) {
      const response = await get(reference)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, 'reference', reference)
    }
    for (const reference of ['vente', 'retour:3', 'demande_reappro:77']) {
      ;(await get(reference)).assertStatus(200)
    }
  })

  test('dates are business days, both ends included; aliases work', async ({ client, assert }) => {
    const get = (qs: Record<string, unknown>) => client.get('/api/v1/stock/movements').qs(qs).header('x-api-token', token)
    const { rows } = await db.rawQuery(`SELECT to_char((now() AT TIME ZONE ?)::date, 'YYYY-MM-DD') AS today`, [
      process.env.APP_TIMEZONE || 'America/Toronto',
    ])
    const today = rows[0].today as string
    assert.equal((await get({ date_debut: today, date_fin: today })).body().total, 78)
    assert.equal((await get({ start_date: today, end_date: today })).body().total, 78)
    assert.equal((await get({ date_debut: '2000-01-01', date_fin: '2000-01-31' })).body().total, 0)
    assert.equal((await get({ date_fin: '2000-01-31' })).body().total, 0)
    ;(await get({ date_debut: '2026-02-30' })).assertStatus(422)
    ;(await get({ date_debut: '24/11/2026' })).assertStatus(422)
    ;(await get({ date_debut: '2026-03-02', date_fin: '2026-03-01' })).assertStatus(422)
    ;(await get({ date_debut: '2026-03-01', start_date: '2026-03-02' })).assertStatus(422)
  })

  test('validation: unknown type, both store and warehouse, bad reference', async ({ client }) => {
    const get = (qs: Record<string, unknown>) => client.get('/api/v1/stock/movements').qs(qs).header('x-api-token', token)
    ;(await get({ type: 'sale' })).assertStatus(422)
    ;(await get({ magasin_id: 1, entrepot: true })).assertStatus(422)
    ;(await get({ reference: 'x; DROP TABLE' })).assertStatus(422)
    ;(await get({ magasin_id: 'abc' })).assertStatus(422)
  })

  test('a clerk sees their own store only', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 2)
    const own = await client.get('/api/v1/stock/movements').header('x-api-token', clerk.token)
    own.assertStatus(200)
    assert.equal(own.body().total, 13)
    assert.isTrue(own.body().items.every((m: { emplacement: { magasin_id: number } }) => m.emplacement.magasin_id === 2))
    ;(await client.get('/api/v1/stock/movements').qs({ magasin_id: 2 }).header('x-api-token', clerk.token)).assertStatus(200)
    const other = await client.get('/api/v1/stock/movements').qs({ magasin_id: 1 }).header('x-api-token', clerk.token)
    other.assertStatus(403)
    assert.equal(other.body().error_code, 'AUTHORIZATION_ERROR')
    ;(await client.get('/api/v1/stock/movements').qs({ entrepot: true }).header('x-api-token', clerk.token)).assertStatus(403)

    const manager = await signedIn('manager')
    assert.equal((await client.get('/api/v1/stock/movements').header('x-api-token', manager.token)).body().total, 78)
  })

  test('auth', async ({ client }) => {
    ;(await client.get('/api/v1/stock/movements')).assertStatus(401)
    ;(await client.get('/api/v1/stock/movements').header('x-api-token', await tokenWith(['write']))).assertStatus(403)
  })
})
