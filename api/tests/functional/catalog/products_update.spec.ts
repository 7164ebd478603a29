import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { sessionTokenFor } from '#tests/helpers/role_tokens'

/** A product of our own, so assertions do not depend on the seed's values. */
async function newProduct(client: import('@japa/api-client').ApiClient, token: string, extra: object = {}) {
  const response = await client
    .post('/api/v1/products')
    .header('x-api-token', token)
    .json({
      code: 'TST001',
      nom: 'Produit test',
      description: 'Avant',
      prix: '2.50',
      categorie_id: 1,
      code_barre: '111',
      actif: false,
      ...extra,
    })
  response.assertStatus(201)
  return response.body()
}

async function productRow(id: number) {
  return db.from('products').where('id', id).first()
}

test.group('PUT and PATCH /api/v1/products/:id', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test("PUT changes only the fields sent, as the original's PUT: a deactivated product stays deactivated", async ({ client, assert }) => {
    const product = await newProduct(client, token)
    // What an integration written for the original sends: the four fields it knew.
    const response = await client
      .put(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ code: 'TST002', nom: 'Renommé', prix: 3, categorie_id: 2 })
    response.assertStatus(200)
    assert.deepEqual(response.body(), { ...product, code: 'TST002', nom: 'Renommé', prix: '3.00', categorie_id: 2 })
    assert.containsSubset(await productRow(product.id), { description: 'Avant', barcode: '111', is_active: false })

    const onePrice = await client.put(`/api/v1/products/${product.id}`).header('x-api-token', token).json({ prix: '3.10' })
    onePrice.assertStatus(200)
    assert.deepEqual(onePrice.body(), { ...response.body(), prix: '3.10' })
  })

  test('PUT and PATCH answer the same for the same body', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const body = { description: null, actif: true, nom: 'Même effet' }
    const put = await client.put(`/api/v1/products/${product.id}`).header('x-api-token', token).json(body)
    const patch = await client.patch(`/api/v1/products/${product.id}`).header('x-api-token', token).json(body)
    put.assertStatus(200)
    assert.deepEqual(patch.body(), put.body())
    for (const method of ['put', 'patch'] as const) {
      const refused = await client[method](`/api/v1/products/${product.id}`).header('x-api-token', token).json({ nom: null })
      refused.assertStatus(422)
      assert.equal(refused.body().details.validation_errors[0].field, 'nom')
    }
  })

  test('PATCH changes only the fields sent; null clears a nullable field', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const response = await client
      .patch(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ prix: '0.99', description: null, actif: true })
    response.assertStatus(200)
    assert.deepEqual(response.body(), { ...product, prix: '0.99', description: null, actif: true })
  })

  test('PATCH refuses null for a required field instead of ignoring it', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const before = await productRow(product.id)
    for (const field of ['nom', 'code', 'prix', 'categorie_id', 'actif']) {
      const response = await client
        .patch(`/api/v1/products/${product.id}`)
        .header('x-api-token', token)
        .json({ [field]: null })
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, field)
    }
    assert.deepEqual(await productRow(product.id), before)
  })

  test('quantite_stock cannot be written through PUT or PATCH', async ({ client, assert }) => {
    const product = await newProduct(client, token, { quantite_stock: 10 })
    for (const method of ['put', 'patch'] as const) {
      const response = await client[method](`/api/v1/products/${product.id}`)
        .header('x-api-token', token)
        .json({ code: 'TST001', nom: 'X', prix: 1, categorie_id: 1, quantite_stock: 500 })
      response.assertStatus(422)
      const error = response.body().details.validation_errors[0]
      assert.equal(error.field, 'quantite_stock')
      assert.include(error.message, 'stock movements')
    }
    const fetched = await client.get(`/api/v1/products/${product.id}`).header('x-api-token', token)
    assert.equal(fetched.body().quantite_stock, 10)
    assert.equal(fetched.body().nom, 'Produit test')
  })

  test('a product read with GET and sent back whole with one change is updated (the original ignored what it could not write)', async ({ client, assert }) => {
    const product = await newProduct(client, token, { quantite_stock: 10 })
    const read = (await client.get(`/api/v1/products/${product.id}`).header('x-api-token', token)).body()
    for (const method of ['put', 'patch'] as const) {
      const response = await client[method](`/api/v1/products/${product.id}`)
        .header('x-api-token', token)
        .json({ ...read, nom: `Renommé ${method}` })
      response.assertStatus(200)
      assert.equal(response.body().nom, `Renommé ${method}`)
      assert.equal(response.body().quantite_stock, 10)
    }
  })

  test('an echoed id or quantite_stock that differs is refused with the current value, listed with unknown fields', async ({ client, assert }) => {
    const product = await newProduct(client, token, { quantite_stock: 10 })
    const response = await client
      .put(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ id: product.id + 1, quantite_stock: 9, nom: 'X', taille: 'L' })
    response.assertStatus(422)
    const errors = response.body().details.validation_errors
    assert.sameMembers(errors.map((e: { field: string }) => e.field), ['id', 'quantite_stock', 'taille'])
    const stock = errors.find((e: { field: string }) => e.field === 'quantite_stock')
    assert.equal(stock.type, 'readOnly')
    assert.include(stock.message, 'it is 10 now')
    assert.equal((await productRow(product.id)).name, 'Produit test')
  })

  test('a code or barcode of another product is a 409; keeping its own is fine', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const taken = await client
      .patch(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ code: 'ALI001' })
    taken.assertStatus(409)
    assert.containsSubset(taken.body(), {
      error_code: 'DUPLICATE_RESOURCE',
      details: { field: 'code', value: 'ALI001', existing: { id: 1, code: 'ALI001', nom: 'Pain' } },
    })

    await client.patch('/api/v1/products/1').header('x-api-token', token).json({ code_barre: '222' })
    const barcode = await client
      .put(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ code: 'TST001', nom: 'X', prix: 1, categorie_id: 1, code_barre: '222' })
    barcode.assertStatus(409)
    assert.equal(barcode.body().details.field, 'code_barre')
    assert.equal(barcode.body().details.existing.id, 1)

    const same = await client
      .patch(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ code: 'TST001', code_barre: '111' })
    same.assertStatus(200)
    assert.equal((await productRow(product.id)).name, 'Produit test')
  })

  test('an unknown category is a 422 on categorie_id', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const response = await client
      .patch(`/api/v1/products/${product.id}`)
      .header('x-api-token', token)
      .json({ categorie_id: 424242 })
    response.assertStatus(422)
    assert.equal(response.body().details.validation_errors[0].field, 'categorie_id')
    assert.equal((await productRow(product.id)).category_id, 1)
  })

  test('bad input is a 422: unknown field, wrong type, too long, bad price', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const before = await productRow(product.id)
    for (const [body, field] of [
      [{ nme: 'typo' }, 'nme'],
      [{ nom: ['x'] }, 'nom'],
      [{ nom: 'x'.repeat(201) }, 'nom'],
      [{ prix: '1.001' }, 'prix'],
      [{ actif: 'false' }, 'actif'],
    ] as const) {
      const response = await client.patch(`/api/v1/products/${product.id}`).header('x-api-token', token).json(body)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, field)
    }
    assert.deepEqual(await productRow(product.id), before)
  })

  test('a price that is not an amount says what an amount is, as every amount of the API does', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    for (const prix of ['1,20', 'abc', '1e3', '12.50 $']) {
      const response = await client.patch(`/api/v1/products/${product.id}`).header('x-api-token', token).json({ prix })
      response.assertStatus(422)
      assert.deepEqual(
        response.body().details.validation_errors,
        [{ field: 'prix', message: 'The prix field must be an amount such as "12.50"', type: 'money' }],
        JSON.stringify(prix)
      )
    }
  })

  test('an unknown id is a 404; a non-numeric id a 422', async ({ client, assert }) => {
    const missing = await client.patch('/api/v1/products/999999').header('x-api-token', token).json({ nom: 'X' })
    missing.assertStatus(404)
    assert.equal(missing.body().message, 'Product with identifier 999999 not found')
    const put = await client.put('/api/v1/products/999999').header('x-api-token', token).json({ nom: 'X' })
    put.assertStatus(404)
    ;(await client.patch('/api/v1/products/abc').header('x-api-token', token).json({ nom: 'X' })).assertStatus(422)
  })

  test('needs the write scope, and a manager or admin behind a session', async ({ client, assert }) => {
    const product = await newProduct(client, token)
    const before = await productRow(product.id)
    ;(await client.patch(`/api/v1/products/${product.id}`).json({ nom: 'X' })).assertStatus(401)
    const readOnly = await tokenWith(['read'])
    ;(await client.patch(`/api/v1/products/${product.id}`).header('x-api-token', readOnly).json({ nom: 'X' })).assertStatus(403)
    const clerk = await sessionTokenFor('clerk')
    const refused = await client
      .put(`/api/v1/products/${product.id}`)
      .header('x-api-token', clerk.token)
      .json({ code: 'TST001', nom: 'X', prix: 1, categorie_id: 1 })
    refused.assertStatus(403)
    assert.deepEqual(await productRow(product.id), before)

    const admin = await sessionTokenFor('admin')
    ;(await client.patch(`/api/v1/products/${product.id}`).header('x-api-token', admin.token).json({ nom: 'Par admin' })).assertStatus(200)
  })
})
