import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { businessDay } from '#core/business_time'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { locationOfStore, setLevel } from '#tests/helpers/database'

async function setStock(locationId: number, productId: number, quantity: number, reorderPoint: number) {
  await db.from('stock_levels').where({ location_id: locationId, product_id: productId }).update({ reorder_point: reorderPoint })
  await setLevel(locationId, productId, quantity)
}

/** Sold `quantity` units of a product in store 1 (and took `returned` back), `daysAgo` business days before today. */
async function sold(productId: number, quantity: number, daysAgo = 1, returned = 0) {
  const { rows } = await db.rawQuery(`SELECT to_char(?::date - ?::int, 'YYYY-MM-DD') AS day`, [businessDay(), daysAgo])
  await db
    .table('daily_sales_rollups')
    .insert({ day: rows[0].day, store_id: 1, product_id: productId, quantity_sold: quantity, quantity_returned: returned })
}

interface Suggestion {
  produit: { id: number }
  quantite_suggeree: number
  priorite: string
  jours_restants: number | null
  ventes_par_jour: number
  en_cours: number
  demande_en_cours: { id: number; quantite: number; statut: string; demande_le: string } | null
  statut: string
}

test.group('GET /api/v1/replenishments/suggestions', (group) => {
  let manager: Actor
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    manager = await signedIn('manager')
    const store = await locationOfStore(1)
    // Store 1 is set explicitly: every product comfortable unless a test line says otherwise.
    for (let productId = 1; productId <= 13; productId++) await setStock(store, productId, 100, 10)
    await setStock(store, 1, 20, 10) // 2/day → 10 days of cover: MOYEN
    await sold(1, 40, 1)
    await sold(1, 20, 29)
    await setStock(store, 2, 6, 10) // 3/day → 2 days: URGENT, 16 already requested
    await sold(2, 90, 0)
    await setStock(store, 3, 0, 10) // rupture, no sales: URGENT
    await setStock(store, 4, 12, 15) // at/below its reorder point, no sales: MOYEN
    await setStock(store, 5, 50, 10) // 1/day → 50 days: not suggested (older sales are outside the window)
    await sold(5, 30, 10)
    await sold(5, 10_000, 30)
    await setStock(store, 6, 5, 10) // below its reorder point but 100 already on the way: not suggested
    return rollback
  })

  test('suggests what to request, most urgent first, net of requests in flight', async ({ client, assert }) => {
    const post = (productId: number, quantite: number) =>
      client.post('/api/v1/replenishments').header('x-api-token', manager.token).json({ magasin_id: 1, produit_id: productId, quantite })
    const small = (await post(2, 16)).body()
    const big = (await post(6, 100)).body()
    ;(await client.post(`/api/v1/replenishments/${big.id}/approve`).header('x-api-token', manager.token)).assertStatus(200)

    const response = await client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 1 }).header('x-api-token', manager.token)
    response.assertStatus(200)
    const items: Suggestion[] = response.body().items
    assert.equal(response.body().total, 4)
    assert.deepEqual(
      items.map((i) => [i.produit.id, i.jours_restants, i.priorite, i.quantite_suggeree]),
      [
        [3, 0, 'URGENT', 20], // 2×10 + 0 − 0
        [2, 2, 'URGENT', 40], // 2×10 + 14×3 − 6 − 16
        [1, 10, 'MOYEN', 28], // 2×10 + 14×2 − 20
        [4, null, 'MOYEN', 18], // 2×15 + 0 − 12
      ]
    )
    assert.containsSubset(items[1], { ventes_par_jour: 3, en_cours: 16, statut: 'faible', magasin: { id: 1 } })
    // The request in flight is named: the page shows it instead of a form the API would refuse (409).
    assert.deepEqual(items[1].demande_en_cours, { id: small.id, quantite: 16, statut: 'en_attente', demande_le: small.demande_le })
    assert.isNull(items[0].demande_en_cours)
    assert.containsSubset(items[0], { statut: 'rupture', ventes_par_jour: 0 })
    assert.isAbove((items[0] as unknown as { stock_entrepot: number }).stock_entrepot, 0)
  })

  test('sales per day are net of returns: what came back was not sold', async ({ client, assert }) => {
    const store = await locationOfStore(1)
    await setStock(store, 7, 20, 10) // 60 sold, 45 back: 0.5/day → 40 days, not suggested (2/day gross: 10 days)
    await sold(7, 60, 1, 45)
    await setStock(store, 8, 5, 10) // below its reorder point; only returns in the window (of older sales): 0/day
    await sold(8, 0, 2, 3)
    const response = await client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 1 }).header('x-api-token', manager.token)
    const items: Suggestion[] = response.body().items
    assert.notInclude(items.map((i) => i.produit.id), 7)
    assert.containsSubset(items.find((i) => i.produit.id === 8), { ventes_par_jour: 0, jours_restants: null, quantite_suggeree: 15 })
  })

  test('paginates', async ({ client, assert }) => {
    const page = await client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 1, size: 2, page: 2 }).header('x-api-token', manager.token)
    assert.equal(page.body().total, 5)
    assert.deepEqual(page.body().items.map((i: Suggestion) => i.produit.id), [1, 4])
  })

  test('a clerk sees their own store only', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const own = await client.get('/api/v1/replenishments/suggestions').header('x-api-token', clerk.token)
    own.assertStatus(200)
    assert.isTrue(own.body().items.every((i: { magasin: { id: number } }) => i.magasin.id === 1))
    const otherClerk = await signedIn('clerk', 2)
    ;(await client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 1 }).header('x-api-token', otherClerk.token)).assertStatus(403)
  })

  test('auth and validation', async ({ client }) => {
    ;(await client.get('/api/v1/replenishments/suggestions')).assertStatus(401)
    ;(await client.get('/api/v1/replenishments/suggestions').header('x-api-token', await tokenWith(['write']))).assertStatus(403)
    const token = await tokenWith(['read'])
    ;(await client.get('/api/v1/replenishments/suggestions').qs({ magasin_id: 'abc' }).header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/replenishments/suggestions').qs({ statut: 'x' }).header('x-api-token', token)).assertStatus(422)
  })
})
