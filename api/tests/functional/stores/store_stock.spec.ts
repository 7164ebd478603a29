import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { locationOfStore } from '#tests/helpers/database'

interface StockItem {
  produit_id: number
  code: string
  nom: string
  prix: string
  quantite: number
  seuil_reappro: number
  statut: string
}

/** Brings a level to `quantity` through the ledger and sets its reorder point. */
async function setLevel(storeId: number, productId: number, quantity: number, reorderPoint: number) {
  const locationId = await locationOfStore(storeId)
  await db.transaction(async (trx) => {
    const level = await trx.from('stock_levels').where({ location_id: locationId, product_id: productId }).firstOrFail()
    if (quantity !== level.quantity) {
      await applyStockChanges(trx, locationId, [{ productId, delta: quantity - level.quantity }], {
        kind: 'adjustment',
        reason: 'test setup',
      })
    }
    await trx.from('stock_levels').where('id', level.id).update({ reorder_point: reorderPoint })
  })
}

function expectedStatus(quantity: number, reorderPoint: number) {
  if (quantity === 0) return 'rupture'
  if (quantity * 2 <= reorderPoint) return 'critique'
  if (quantity <= reorderPoint) return 'faible'
  return 'normal'
}

test.group('GET /api/v1/stores/:id/stock', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read'])
    return rollback
  })

  test("pages a store's stock with each product's quantity, reorder point and status", async ({ client, assert }) => {
    const response = await client.get('/api/v1/stores/1/stock').header('x-api-token', token)
    response.assertStatus(200)
    const body = response.body()
    assert.containsSubset(body, { total: 13, page: 1, size: 20 })
    assert.deepEqual(Object.keys(body.items[0]).sort(), ['actif', 'code', 'demande_en_cours', 'nom', 'prix', 'produit_id', 'quantite', 'seuil_reappro', 'statut'])
    assert.isNull(body.items[0].demande_en_cours)
    assert.containsSubset(body.items[0], { code: 'ALI001', nom: 'Pain', prix: '1.20' })
    const levels = await db.from('stock_levels').where('location_id', await locationOfStore(1))
    for (const item of body.items as StockItem[]) {
      const level = levels.find((l) => l.product_id === item.produit_id)!
      assert.equal(item.quantite, level.quantity)
      assert.equal(item.seuil_reappro, level.reorder_point)
      assert.equal(item.statut, expectedStatus(level.quantity, level.reorder_point))
    }
  })

  test('the status follows each reorder point: rupture, critique (≤ half), faible (≤), normal', async ({ client, assert }) => {
    const cases: [number, number, number, string][] = [
      [1, 0, 20, 'rupture'],
      [2, 10, 20, 'critique'],
      [3, 11, 20, 'faible'],
      [4, 20, 20, 'faible'],
      [5, 21, 20, 'normal'],
      [6, 7, 15, 'critique'],
      [7, 8, 15, 'faible'],
      [8, 0, 0, 'rupture'],
      [9, 1, 0, 'normal'],
    ]
    for (const [productId, quantity, reorderPoint] of cases) await setLevel(1, productId, quantity, reorderPoint)
    const response = await client.get('/api/v1/stores/1/stock').qs({ size: 100, sort: 'produit_id' }).header('x-api-token', token)
    const byProduct = new Map((response.body().items as StockItem[]).map((i) => [i.produit_id, i]))
    for (const [productId, quantity, reorderPoint, statut] of cases) {
      assert.deepInclude(byProduct.get(productId), { quantite: quantity, seuil_reappro: reorderPoint, statut })
    }
  })

  test('filters by statut, search and categorie_id', async ({ client, assert }) => {
    await setLevel(2, 1, 0, 10)
    await setLevel(2, 6, 0, 10)
    await setLevel(2, 2, 3, 10)
    const rupture = await client.get('/api/v1/stores/2/stock').qs({ statut: 'rupture' }).header('x-api-token', token)
    assert.deepEqual((rupture.body().items as StockItem[]).map((i) => i.code), ['ALI001', 'BOI001'])
    assert.equal(rupture.body().total, 2)
    const drinks = await client.get('/api/v1/stores/2/stock').qs({ statut: 'rupture', categorie_id: 2 }).header('x-api-token', token)
    assert.deepEqual((drinks.body().items as StockItem[]).map((i) => i.code), ['BOI001'])
    const search = await client.get('/api/v1/stores/2/stock').qs({ search: 'savon' }).header('x-api-token', token)
    assert.deepEqual((search.body().items as StockItem[]).map((i) => i.code), ['HYG002'])
    const byCode = await client.get('/api/v1/stores/2/stock').qs({ search: 'men' }).header('x-api-token', token)
    assert.deepEqual((byCode.body().items as StockItem[]).map((i) => i.code), ['MEN001', 'MEN002'])
  })

  test('says which products are discontinued, and actif=true leaves them out (what a register sells)', async ({ client, assert }) => {
    await db.from('products').where('code', 'HYG002').update({ is_active: false })
    const list = async (qs: Record<string, unknown>) =>
      (await client.get('/api/v1/stores/2/stock').qs({ size: 100, ...qs }).header('x-api-token', token)).body() as { total: number; items: (StockItem & { actif: boolean })[] }
    const all = await list({})
    assert.deepEqual(all.items.filter((i) => !i.actif).map((i) => i.code), ['HYG002'])
    const onSale = await list({ actif: true })
    assert.equal(onSale.total, all.total - 1)
    assert.notInclude(onSale.items.map((i) => i.code), 'HYG002')
    assert.isTrue(onSale.items.every((i) => i.actif))
    assert.deepEqual((await list({ actif: false })).items.map((i) => i.code), ['HYG002'])
  })

  test('sorts by quantite, statut, nom and code with a stable order', async ({ client, assert }) => {
    await setLevel(3, 1, 0, 10)
    await setLevel(3, 2, 2, 10)
    const byQuantity = await client.get('/api/v1/stores/3/stock').qs({ sort: 'quantite,asc', size: 100 }).header('x-api-token', token)
    const quantities = (byQuantity.body().items as StockItem[]).map((i) => i.quantite)
    assert.deepEqual(quantities, [...quantities].sort((a, b) => a - b))
    assert.equal(quantities[0], 0)
    const byStatus = await client.get('/api/v1/stores/3/stock').qs({ sort: 'statut,asc', size: 2 }).header('x-api-token', token)
    assert.deepEqual((byStatus.body().items as StockItem[]).map((i) => i.statut), ['rupture', 'critique'])
    const byName = await client.get('/api/v1/stores/3/stock').qs({ sort: 'nom,desc', size: 1 }).header('x-api-token', token)
    assert.equal(byName.body().items[0].nom, 'Soda cola')
    const page2 = await client.get('/api/v1/stores/3/stock').qs({ sort: 'code', page: 2, size: 5 }).header('x-api-token', token)
    assert.deepEqual((page2.body().items as StockItem[]).map((i) => i.code), ['BOI001', 'BOI002', 'BOI003', 'HYG001', 'HYG002'])
  })

  test('a new store shows every product at zero, in rupture', async ({ client, assert }) => {
    const writer = await tokenWith(['read', 'write'])
    const store = await client.post('/api/v1/stores').header('x-api-token', writer).json({ nom: 'Magasin Vide' })
    const response = await client.get(`/api/v1/stores/${store.body().id}/stock`).header('x-api-token', token)
    assert.equal(response.body().total, 13)
    assert.isTrue((response.body().items as StockItem[]).every((i) => i.quantite === 0 && i.statut === 'rupture'))
  })

  test('bad parameters are a 422; an unknown store a 404', async ({ client }) => {
    for (const qs of [{ statut: 'bas' }, { sort: 'prix' }, { categorie_id: 'x' }, { size: 101 }, { magasin: 1 }, { search: 'x'.repeat(101) }]) {
      ;(await client.get('/api/v1/stores/1/stock').qs(qs).header('x-api-token', token)).assertStatus(422)
    }
    ;(await client.get('/api/v1/stores/abc/stock').header('x-api-token', token)).assertStatus(422)
    ;(await client.get('/api/v1/stores/9999/stock').header('x-api-token', token)).assertStatus(404)
  })

  test('a clerk reads their own store stock only; tokens need the read scope', async ({ client, assert }) => {
    const clerk = await sessionTokenFor('clerk', { storeId: 4, scopes: ['read'] })
    ;(await client.get('/api/v1/stores/4/stock').header('x-api-token', clerk.token)).assertStatus(200)
    const other = await client.get('/api/v1/stores/1/stock').header('x-api-token', clerk.token)
    other.assertStatus(403)
    assert.equal(other.body().error_code, 'AUTHORIZATION_ERROR')
    const manager = await sessionTokenFor('manager', { scopes: ['read'] })
    ;(await client.get('/api/v1/stores/1/stock').header('x-api-token', manager.token)).assertStatus(200)
    ;(await client.get('/api/v1/stores/1/stock')).assertStatus(401)
    ;(await client.get('/api/v1/stores/1/stock').header('x-api-token', await tokenWith(['reports']))).assertStatus(403)
  })
})
