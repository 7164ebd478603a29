import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { rowCounts } from '#tests/helpers/row_counts'
import { ledgerAndLevel, warehouseLocation } from '#tests/helpers/database'

const WRITTEN_TABLES = ['products', 'stock_levels', 'stock_movements']
const valid = { nom: 'Riz basmati', description: 'Sac de 1 kg', prix: '3.49', categorie_id: 1 }

test.group('POST /api/v1/products', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('creates a product with its opening warehouse stock recorded as a receipt', async ({ client, assert }) => {
    const response = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ ...valid, code: 'RIZ001', code_barre: '0123456789012', quantite_stock: 200 })
    response.assertStatus(201)
    const product = response.body()
    assert.deepEqual(product, {
      id: product.id,
      code: 'RIZ001',
      nom: 'Riz basmati',
      description: 'Sac de 1 kg',
      prix: '3.49',
      quantite_stock: 200,
      categorie_id: 1,
      code_barre: '0123456789012',
      actif: true,
    })
    const warehouse = await warehouseLocation()
    assert.deepEqual(await ledgerAndLevel(warehouse, product.id), { ledger: 200, level: 200 })
    const movements = await db.from('stock_movements').where('product_id', product.id)
    assert.lengthOf(movements, 1)
    assert.containsSubset(movements[0], { kind: 'receipt', quantity_delta: 200, location_id: warehouse })

    const fetched = await client.get(`/api/v1/products/${product.id}`).header('x-api-token', token)
    assert.deepEqual(fetched.body(), product)
  })

  test('gives the new product a zero stock level at the warehouse and at every store', async ({ client, assert }) => {
    const response = await client.post('/api/v1/products').header('x-api-token', token).json(valid)
    response.assertStatus(201)
    const levels = await db.from('stock_levels').where('product_id', response.body().id)
    const locations = await db.from('stock_locations').select('id')
    assert.sameMembers(levels.map((l) => l.location_id), locations.map((l) => l.id))
    assert.isTrue(levels.every((l) => l.quantity === 0 && l.reorder_point === 0))
    assert.equal(response.body().quantite_stock, 0)
    assert.lengthOf(await db.from('stock_movements').where('product_id', response.body().id), 0)
  })

  test('without a code, assigns the next code of the category series', async ({ client, assert }) => {
    const first = await client.post('/api/v1/products').header('x-api-token', token).json(valid)
    const second = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, nom: 'Riz rond' })
    const hygiene = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ ...valid, nom: 'Brosse à dents', categorie_id: 3 })
    assert.equal(first.body().code, 'ALI006')
    assert.equal(second.body().code, 'ALI007')
    assert.equal(hygiene.body().code, 'HYG004')
  })

  test('a new category without products starts its series at 001', async ({ client, assert }) => {
    const category = await client
      .post('/api/v1/categories')
      .header('x-api-token', token)
      .json({ nom: 'Épicerie fine' })
    category.assertStatus(201)
    const product = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ ...valid, categorie_id: category.body().id })
    assert.equal(product.body().code, 'EPI001')
  })

  test('accepts the price as a number or a decimal string, exactly', async ({ client, assert }) => {
    for (const [prix, expected] of [
      [1.1, '1.10'],
      ['2', '2.00'],
      [0, '0.00'],
      ['0.29', '0.29'],
      [9999999.99, '9999999.99'],
    ] as const) {
      const response = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, prix })
      response.assertStatus(201)
      assert.equal(response.body().prix, expected)
    }
  })

  test('refuses a bad price with a field error', async ({ client, assert }) => {
    for (const prix of [1.234, '1.234', -1, '-1', 'abc', true, '', null, [1], 10_000_001, '1e3']) {
      const response = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, prix })
      response.assertStatus(422)
      assert.equal(response.body().error_code, 'VALIDATION_ERROR')
      assert.deepEqual(
        response.body().details.validation_errors.map((e: { field: string }) => e.field),
        ['prix'],
        `prix=${JSON.stringify(prix)}`
      )
    }
  })

  test('an unknown category is a 422 on categorie_id, never a 500', async ({ client, assert }) => {
    const before = await rowCounts(WRITTEN_TABLES)
    const response = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ ...valid, categorie_id: 999999, quantite_stock: 5 })
    response.assertStatus(422)
    assert.containsSubset(response.body().details.validation_errors, [{ field: 'categorie_id', type: 'exists' }])
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)
  })

  test('refuses each kind of bad input and writes nothing', async ({ client, assert }) => {
    const before = await rowCounts(WRITTEN_TABLES)
    const cases: [Record<string, unknown>, string][] = [
      [{ prix: '1.00', categorie_id: 1 }, 'nom'],
      [{ nom: 'X', categorie_id: 1 }, 'prix'],
      [{ nom: 'X', prix: 1 }, 'categorie_id'],
      [{ ...valid, nom: '' }, 'nom'],
      [{ ...valid, nom: 'x'.repeat(201) }, 'nom'],
      [{ ...valid, nom: 12 }, 'nom'],
      [{ ...valid, description: 'x'.repeat(1001) }, 'description'],
      [{ ...valid, code: 'A B' }, 'code'],
      // A URL resolves them away: /products/by-code/.. is /products/.
      [{ ...valid, code: '..' }, 'code'],
      [{ ...valid, code: '.' }, 'code'],
      [{ ...valid, code: 'x'.repeat(33) }, 'code'],
      [{ ...valid, code_barre: 'x'.repeat(33) }, 'code_barre'],
      [{ ...valid, categorie_id: '1' }, 'categorie_id'],
      [{ ...valid, categorie_id: 1.5 }, 'categorie_id'],
      [{ ...valid, categorie_id: 99999999999 }, 'categorie_id'],
      [{ ...valid, quantite_stock: -1 }, 'quantite_stock'],
      [{ ...valid, quantite_stock: 2.5 }, 'quantite_stock'],
      [{ ...valid, quantite_stock: 1_000_001 }, 'quantite_stock'],
      [{ ...valid, actif: 'yes' }, 'actif'],
      [{ ...valid, prx: 1 }, 'prx'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/v1/products').header('x-api-token', token).json(body)
      response.assertStatus(422)
      const fields = response.body().details.validation_errors.map((e: { field: string }) => e.field)
      assert.include(fields, field, JSON.stringify(body).slice(0, 80))
    }
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)
  })

  test('a body that is not a JSON object is refused', async ({ client, assert }) => {
    const array = await client.post('/api/v1/products').header('x-api-token', token).json([valid])
    array.assertStatus(422)
    const broken = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/v1/products`, {
      method: 'POST',
      headers: { 'x-api-token': token, 'content-type': 'application/json' },
      body: '{"nom": ',
    })
    assert.equal(broken.status, 400)
  })

  test('a code or barcode already used is a 409 naming the field and the product that has it, and nothing is written', async ({
    client,
    assert,
  }) => {
    const rice = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, code: 'RIZ001', code_barre: '777' })
    const before = await rowCounts(WRITTEN_TABLES)

    const code = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, code: 'ALI001' })
    code.assertStatus(409)
    assert.containsSubset(code.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      message: "Product with code 'ALI001' already exists: Pain (ALI001)",
      details: { resource: 'Product', field: 'code', value: 'ALI001', existing: { id: 1, code: 'ALI001', nom: 'Pain' } },
    })
    const barcode = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ ...valid, code_barre: '777', quantite_stock: 3 })
    barcode.assertStatus(409)
    assert.containsSubset(barcode.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      message: "Product with code_barre '777' already exists: Riz basmati (RIZ001)",
      details: { field: 'code_barre', value: '777', existing: { id: rice.body().id, code: 'RIZ001', nom: 'Riz basmati' } },
    })
    // Only what GET /products/:id shows of it, nothing of the ledger or the prices.
    assert.sameMembers(Object.keys(barcode.body().details.existing), ['id', 'code', 'nom'])
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)
  })

  test('a code or barcode is taken in any case: « ali001 » is ALI001 (the register reads codes in any case)', async ({ client, assert }) => {
    await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, code: 'RIZ001', code_barre: 'BC-RIZ' })
    const before = await rowCounts(WRITTEN_TABLES)
    const code = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, code: 'ali001' })
    code.assertStatus(409)
    assert.containsSubset(code.body(), { error_code: 'DUPLICATE_RESOURCE', details: { field: 'code', value: 'ali001' } })
    const barcode = await client.post('/api/v1/products').header('x-api-token', token).json({ ...valid, code_barre: 'bc-riz' })
    barcode.assertStatus(409)
    assert.containsSubset(barcode.body(), { details: { field: 'code_barre', value: 'bc-riz' } })
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)
    // The database holds the line too, past the check (a concurrent write).
    await assert.rejects(() => db.table('products').insert({ code: 'Ali001', name: 'Copie', price_cents: 1, category_id: 1 }), /products_code_lower_unique/)
  })

  test('needs a token (401) with the write scope (403)', async ({ client, assert }) => {
    const before = await rowCounts(WRITTEN_TABLES)
    ;(await client.post('/api/v1/products').json(valid)).assertStatus(401)
    const readOnly = await client.post('/api/v1/products').header('x-api-token', await tokenWith(['read'])).json(valid)
    readOnly.assertStatus(403)
    assert.deepEqual(readOnly.body().details.missing_scopes, ['write'])
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)
  })

  test('a clerk cannot write the catalog; a manager can', async ({ client, assert }) => {
    const clerk = await sessionTokenFor('clerk', { storeId: 1 })
    const before = await rowCounts(WRITTEN_TABLES)
    const refused = await client.post('/api/v1/products').header('authorization', `Bearer ${clerk.token}`).json(valid)
    refused.assertStatus(403)
    assert.equal(refused.body().error_code, 'AUTHORIZATION_ERROR')
    assert.deepEqual(await rowCounts(WRITTEN_TABLES), before)

    const manager = await sessionTokenFor('manager')
    const created = await client
      .post('/api/v1/products')
      .header('authorization', `Bearer ${manager.token}`)
      .json({ ...valid, quantite_stock: 4 })
    created.assertStatus(201)
    const movement = await db.from('stock_movements').where('product_id', created.body().id).firstOrFail()
    assert.equal(movement.user_id, manager.user.id)
  })

  test('the trailing-slash form works too', async ({ client }) => {
    const response = await client.post('/api/v1/products/').header('x-api-token', token).json(valid)
    response.assertStatus(201)
  })
})
