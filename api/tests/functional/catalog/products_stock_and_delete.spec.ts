import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { rowCounts } from '#tests/helpers/row_counts'
import { ledgerAndLevel, warehouseLocation } from '#tests/helpers/database'

async function newProduct(client: ApiClient, token: string, extra: object = {}) {
  const response = await client
    .post('/api/v1/products')
    .header('x-api-token', token)
    .json({ nom: 'Produit test', prix: '2.50', categorie_id: 2, ...extra })
  response.assertStatus(201)
  return response.body()
}

test.group('DELETE /api/v1/products/:id', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('deletes a product never sold or moved, with its empty stock levels', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const response = await client.delete(`/api/v1/products/${product.id}`).header('x-api-token', token)
    response.assertStatus(200)
    assert.deepEqual(response.body(), product)
    ;(await client.get(`/api/v1/products/${product.id}`).header('x-api-token', token)).assertStatus(404)
    assert.lengthOf(await db.from('stock_levels').where('product_id', product.id), 0)
  })

  test('a product with history is a 409 that suggests deactivating it', async ({ client, assert }) => {
    const before = await rowCounts(['products', 'stock_levels'])
    const seeded = await client.delete('/api/v1/products/1').header('x-api-token', token)
    seeded.assertStatus(409)
    assert.equal(seeded.body().error_code, 'RESOURCE_IN_USE')
    assert.include(seeded.body().message, 'stock movements')
    assert.include(seeded.body().message, '"actif": false')
    assert.deepEqual(seeded.body().details.suggestion, { actif: false })

    const received = await newProduct(client, token, { quantite_stock: 3 })
    const afterCreate = await rowCounts(['products', 'stock_levels'])
    const refused = await client.delete(`/api/v1/products/${received.id}`).header('x-api-token', token)
    refused.assertStatus(409)
    assert.deepEqual(await rowCounts(['products', 'stock_levels']), afterCreate)
    assert.equal(afterCreate.products, before.products + 1)
    ;(await client.get('/api/v1/products/1').header('x-api-token', token)).assertStatus(200)
  })

  test('404 for an unknown product (-3 too: no id is below 1), 422 for a bad id', async ({ client }) => {
    ;(await client.delete('/api/v1/products/999999').header('x-api-token', token)).assertStatus(404)
    ;(await client.delete('/api/v1/products/-3').header('x-api-token', token)).assertStatus(404)
    ;(await client.delete('/api/v1/products/3x').header('x-api-token', token)).assertStatus(422)
  })

  test('needs the write scope; a clerk may not delete', async ({ client }) => {
    const product = await newProduct(client, token)
    ;(await client.delete(`/api/v1/products/${product.id}`)).assertStatus(401)
    ;(await client.delete(`/api/v1/products/${product.id}`).header('x-api-token', await tokenWith(['read']))).assertStatus(403)
    const clerk = await sessionTokenFor('clerk')
    ;(await client.delete(`/api/v1/products/${product.id}`).header('x-api-token', clerk.token)).assertStatus(403)
    ;(await client.get(`/api/v1/products/${product.id}`).header('x-api-token', token)).assertStatus(200)
  })
})

test.group('POST /api/v1/products/:id/reduce-stock', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('removes units from the warehouse through the ledger', async ({ client, assert }) => {
    const product = await newProduct(client, token, { quantite_stock: 30 })
    const response = await client
      .post(`/api/v1/products/${product.id}/reduce-stock`)
      .qs({ quantity: 12 })
      .header('x-api-token', token)
    response.assertStatus(200)
    assert.equal(response.body().quantite_stock, 18)
    assert.deepEqual(await ledgerAndLevel(await warehouseLocation(), product.id), { ledger: 18, level: 18 })
    const movement = await db.from('stock_movements').where({ product_id: product.id, kind: 'adjustment' }).firstOrFail()
    assert.containsSubset(movement, { quantity_delta: -12, balance_after: 18, reason: 'reduce-stock (API)' })
  })

  test('more than the warehouse holds is a 409 INSUFFICIENT_STOCK and changes nothing', async ({ client, assert }) => {
    const product = await newProduct(client, token, { quantite_stock: 5 })
    const before = await rowCounts(['stock_movements'])
    const response = await client
      .post(`/api/v1/products/${product.id}/reduce-stock`)
      .qs({ quantity: 6 })
      .header('x-api-token', token)
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'INSUFFICIENT_STOCK')
    assert.containsSubset(response.body().details.items, [{ product_id: product.id, requested: 6, available: 5 }])
    assert.deepEqual(await rowCounts(['stock_movements']), before)
    assert.deepEqual(await ledgerAndLevel(await warehouseLocation(), product.id), { ledger: 5, level: 5 })
  })

  test('the quantity is required, a positive integer, and the only parameter', async ({ client, assert }) => {
    const before = await rowCounts(['stock_movements'])
    for (const qs of [{}, { quantity: 0 }, { quantity: -1 }, { quantity: 1.5 }, { quantity: 'abc' }, { quantity: 1, qty: 1 }]) {
      const response = await client.post('/api/v1/products/1/reduce-stock').qs(qs).header('x-api-token', token)
      response.assertStatus(422)
    }
    assert.deepEqual(await rowCounts(['stock_movements']), before)
  })

  test('404 for an unknown product', async ({ client }) => {
    const response = await client.post('/api/v1/products/999999/reduce-stock').qs({ quantity: 1 }).header('x-api-token', token)
    response.assertStatus(404)
  })

  test('needs the write scope; a clerk may not', async ({ client, assert }) => {
    const before = await rowCounts(['stock_movements'])
    ;(await client.post('/api/v1/products/1/reduce-stock').qs({ quantity: 1 })).assertStatus(401)
    const readOnly = await tokenWith(['read'])
    ;(await client.post('/api/v1/products/1/reduce-stock').qs({ quantity: 1 }).header('x-api-token', readOnly)).assertStatus(403)
    const clerk = await sessionTokenFor('clerk')
    ;(await client.post('/api/v1/products/1/reduce-stock').qs({ quantity: 1 }).header('x-api-token', clerk.token)).assertStatus(403)
    assert.deepEqual(await rowCounts(['stock_movements']), before)
  })
})

test.group('GET /api/v1/products/low-stock and /by-code/:code', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('lists products whose warehouse quantity is at most the threshold (default 10)', async ({ client, assert }) => {
    const empty = await newProduct(client, token)
    const few = await newProduct(client, token, { quantite_stock: 10 })
    await newProduct(client, token, { quantite_stock: 11 })
    const response = await client.get('/api/v1/products/low-stock').header('x-api-token', token)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().map((p: { id: number; quantite_stock: number }) => [p.id, p.quantite_stock]),
      [
        [empty.id, 0],
        [few.id, 10],
      ]
    )
  })

  test('leaves deactivated products out, as /stock/alerts does: nobody reorders what is no longer sold', async ({ client, assert }) => {
    const kept = await newProduct(client, token)
    const discontinued = await newProduct(client, token)
    await db.from('products').where('id', discontinued.id).update({ is_active: false })
    const response = await client.get('/api/v1/products/low-stock').qs({ threshold: 100000 }).header('x-api-token', token)
    response.assertStatus(200)
    const ids = response.body().map((p: { id: number }) => p.id)
    assert.include(ids, kept.id)
    assert.notInclude(ids, discontinued.id)
  })

  test('orders by quantity then id, and honours threshold and limit', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products/low-stock/').qs({ threshold: 100000 }).header('x-api-token', token)
    response.assertStatus(200)
    const rows: { id: number; quantite_stock: number }[] = response.body()
    assert.lengthOf(rows, 13)
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]]
      assert.isTrue(a.quantite_stock < b.quantite_stock || (a.quantite_stock === b.quantite_stock && a.id < b.id))
    }
    const limited = await client.get('/api/v1/products/low-stock').qs({ threshold: 100000, limit: 2 }).header('x-api-token', token)
    assert.deepEqual(limited.body(), rows.slice(0, 2))
  })

  test('a bad threshold is a 422; an unknown parameter is ignored, as in the original', async ({ client, assert }) => {
    for (const qs of [{ threshold: -1 }, { threshold: 'abc' }, { threshold: 2.5 }, { limit: 0 }, { seuil: 3, threshold: -1 }]) {
      ;(await client.get('/api/v1/products/low-stock').qs(qs).header('x-api-token', token)).assertStatus(422)
    }
    const ignored = await client.get('/api/v1/products/low-stock').qs({ seuil: 3 }).header('x-api-token', token)
    ignored.assertStatus(200)
    assert.deepEqual(ignored.body(), (await client.get('/api/v1/products/low-stock').header('x-api-token', token)).body())
  })

  test('finds a product by its exact code', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products/by-code/HYG002').header('x-api-token', token)
    response.assertStatus(200)
    assert.containsSubset(response.body(), { code: 'HYG002', nom: 'Savon', prix: '1.20' })
    const missing = await client.get('/api/v1/products/by-code/NOPE01').header('x-api-token', token)
    missing.assertStatus(404)
    assert.containsSubset(missing.body(), {
      message: 'Product with identifier NOPE01 not found',
      details: { resource: 'Product', identifier: 'NOPE01' },
    })
    // Codes are unique in any case: a code typed in lower case finds its product, as a sale does.
    const lower = await client.get('/api/v1/products/by-code/hyg002').header('x-api-token', token)
    lower.assertStatus(200)
    assert.equal(lower.body().code, 'HYG002')
    ;(await client.get(`/api/v1/products/by-code/${'X'.repeat(40)}`).header('x-api-token', token)).assertStatus(422)
  })

  test('need a token with the read scope', async ({ client }) => {
    ;(await client.get('/api/v1/products/low-stock')).assertStatus(401)
    ;(await client.get('/api/v1/products/by-code/ALI001')).assertStatus(401)
    const writeOnly = await tokenWith(['write'])
    ;(await client.get('/api/v1/products/low-stock').header('x-api-token', writeOnly)).assertStatus(403)
    ;(await client.get('/api/v1/products/by-code/ALI001').header('x-api-token', writeOnly)).assertStatus(403)
  })
})
