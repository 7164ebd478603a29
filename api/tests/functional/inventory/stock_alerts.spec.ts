import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { locationOfStore, setLevel, warehouseLocation } from '#tests/helpers/database'

async function setStock(locationId: number, productId: number, quantity: number, reorderPoint: number) {
  await db.from('stock_levels').where({ location_id: locationId, product_id: productId }).update({ reorder_point: reorderPoint })
  await setLevel(locationId, productId, quantity)
}

interface AlertItem {
  emplacement: { type: string; magasin_id: number | null }
  produit: { id: number }
  statut: string
}

/*
 * The seed puts every level well above its reorder point (stores 20–100 vs
 * 10–20, warehouse 500–2000 vs 100–200), so the alerts here are exactly
 * the ones each test creates.
 */
test.group('GET /api/v1/stock/alerts and /stock/alerts/count', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    const store1 = await locationOfStore(1)
    const store2 = await locationOfStore(2)
    await setStock(store1, 1, 0, 10) // rupture
    await setStock(store1, 2, 5, 10) // critique
    await setStock(store1, 3, 10, 10) // faible (at the reorder point)
    await setStock(store1, 4, 11, 10) // normal: not an alert
    await setStock(store2, 5, 3, 20) // critique
    await setStock(await warehouseLocation(), 6, 150, 200) // faible
    return rollback
  })

  test('lists levels at or below their reorder point, most severe first', async ({ client, assert }) => {
    const response = await client.get('/api/v1/stock/alerts').header('x-api-token', token)
    response.assertStatus(200)
    const items: AlertItem[] = response.body().items
    assert.equal(response.body().total, 5)
    assert.deepEqual(
      items.map((i) => [i.emplacement.type, i.emplacement.magasin_id, i.produit.id, i.statut]),
      [
        ['magasin', 1, 1, 'rupture'],
        ['magasin', 1, 2, 'critique'],
        ['magasin', 2, 5, 'critique'],
        ['magasin', 1, 3, 'faible'],
        ['entrepot', null, 6, 'faible'],
      ]
    )
    assert.containsSubset(items[0], { quantite: 0, seuil_reappro: 10, produit: { code: 'ALI001', nom: 'Pain' } })
  })

  test('filters by store, warehouse, status and product', async ({ client, assert }) => {
    const get = (qs: Record<string, unknown>) => client.get('/api/v1/stock/alerts').qs(qs).header('x-api-token', token)
    assert.equal((await get({ magasin_id: 1 })).body().total, 3)
    assert.deepEqual((await get({ entrepot: true })).body().items.map((i: AlertItem) => i.produit.id), [6])
    assert.deepEqual((await get({ statut: 'critique' })).body().items.map((i: AlertItem) => i.produit.id), [2, 5])
    assert.equal((await get({ produit_id: 5 })).body().total, 1)
    ;(await get({ statut: 'normal' })).assertStatus(422)
    ;(await get({ magasin_id: 1, entrepot: true })).assertStatus(422)
    ;(await get({ sort: 'quantite,desc' })).assertStatus(200)
    ;(await get({ sort: 'magasin' })).assertStatus(422)
  })

  test('a discontinued product raises no alert', async ({ client, assert }) => {
    await db.from('products').where('id', 1).update({ is_active: false })
    const response = await client.get('/api/v1/stock/alerts').header('x-api-token', token)
    assert.equal(response.body().total, 4)
  })

  test('counts by severity, with the same filters', async ({ client, assert }) => {
    const all = await client.get('/api/v1/stock/alerts/count').header('x-api-token', token)
    all.assertStatus(200)
    assert.deepEqual(all.body(), { total: 5, ruptures: 1, critiques: 2, faibles: 2 })
    const store1 = await client.get('/api/v1/stock/alerts/count').qs({ magasin_id: 1 }).header('x-api-token', token)
    assert.deepEqual(store1.body(), { total: 3, ruptures: 1, critiques: 1, faibles: 1 })
    const warehouse = await client.get('/api/v1/stock/alerts/count').qs({ entrepot: 'true' }).header('x-api-token', token)
    assert.deepEqual(warehouse.body(), { total: 1, ruptures: 0, critiques: 0, faibles: 1 })
    ;(await client.get('/api/v1/stock/alerts/count').qs({ page: 1 }).header('x-api-token', token)).assertStatus(422)
  })

  test('a clerk sees their own store only', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 2)
    const list = await client.get('/api/v1/stock/alerts').header('x-api-token', clerk.token)
    assert.deepEqual(list.body().items.map((i: AlertItem) => i.produit.id), [5])
    const count = await client.get('/api/v1/stock/alerts/count').header('x-api-token', clerk.token)
    assert.deepEqual(count.body(), { total: 1, ruptures: 0, critiques: 1, faibles: 0 })
    ;(await client.get('/api/v1/stock/alerts').qs({ magasin_id: 1 }).header('x-api-token', clerk.token)).assertStatus(403)
    ;(await client.get('/api/v1/stock/alerts').qs({ entrepot: true }).header('x-api-token', clerk.token)).assertStatus(403)
    ;(await client.get('/api/v1/stock/alerts/count').qs({ magasin_id: 3 }).header('x-api-token', clerk.token)).assertStatus(403)
  })

  test('auth', async ({ client }) => {
    ;(await client.get('/api/v1/stock/alerts')).assertStatus(401)
    ;(await client.get('/api/v1/stock/alerts/count')).assertStatus(401)
    const writeOnly = await tokenWith(['write'])
    ;(await client.get('/api/v1/stock/alerts').header('x-api-token', writeOnly)).assertStatus(403)
    ;(await client.get('/api/v1/stock/alerts/count').header('x-api-token', writeOnly)).assertStatus(403)
  })
})
