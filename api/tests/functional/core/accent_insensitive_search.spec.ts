import { test } from '@japa/runner'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * People type searches without accents (a register's keyboard, a hurried
 * manager): "pates" must find "Pâtes" wherever names are searched, and an
 * accented search must still find the accented name.
 */
test.group('search ignores accents and case', (group) => {
  const tokens = eachTestRolledBack(group, async () => ({ reader: await tokenWith(['read']), writer: await tokenWith(['read', 'write']) }))

  test('products, a store’s stock (the POS search) and categories', async ({ client, assert }) => {
    const category = await client.post('/api/v1/categories').json({ nom: 'Épicerie fine' }).header('x-api-token', tokens.writer)
    category.assertStatus(201)
    const product = await client
      .post('/api/v1/products')
      .json({ nom: 'Crème brûlée à l’érable', prix: '4.50', categorie_id: category.body().id })
      .header('x-api-token', tokens.writer)
    product.assertStatus(201)

    const productNames = async (search: string) => {
      const response = await client.get('/api/v1/products').qs({ search }).header('x-api-token', tokens.reader)
      response.assertStatus(200)
      return response.body().items.map((p: { nom: string }) => p.nom)
    }
    for (const search of ['creme brulee', 'CREME BRULEE A L’ERABLE', 'érable', 'Crème BRULÉE', 'brulée']) {
      assert.deepEqual(await productNames(search), ['Crème brûlée à l’érable'], search)
    }
    assert.deepEqual(await productNames('creme brulee au sucre'), [])
    assert.include(await productNames('pates'), 'Pâtes', 'the seed’s Pâtes')

    const stock = await client.get('/api/v1/stores/1/stock').qs({ search: 'brulee' }).header('x-api-token', tokens.reader)
    stock.assertStatus(200)
    assert.deepEqual(
      stock.body().items.map((item: { produit_id: number }) => item.produit_id),
      [product.body().id]
    )

    const categories = await client.get('/api/v1/categories').qs({ search: 'epicerie' }).header('x-api-token', tokens.reader)
    categories.assertStatus(200)
    assert.deepEqual(
      categories.body().items.map((c: { nom: string }) => c.nom),
      ['Épicerie fine']
    )
  })

  test('stores, by name or address', async ({ client, assert }) => {
    const created = await client
      .post('/api/v1/stores')
      .json({ nom: 'Magasin Trois-Rivières', adresse: '12 rue Notre-Dame, Bécancour' })
      .header('x-api-token', tokens.writer)
    created.assertStatus(201)
    for (const search of ['trois-rivieres', 'becancour', 'BÉCANCOUR']) {
      const response = await client.get('/api/v1/stores').qs({ search }).header('x-api-token', tokens.reader)
      response.assertStatus(200)
      assert.deepEqual(
        response.body().items.map((s: { nom: string }) => s.nom),
        ['Magasin Trois-Rivières'],
        search
      )
    }
  })
})
