import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

test.group('GET /api/v1/products?prix_min=&prix_max= finer than a cent', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a bound between two cents keeps only the prices on its side', async ({ client, assert }) => {
    const category = await client.post('/api/v1/categories').header('x-api-token', token).json({ nom: 'Filtres de prix' })
    category.assertStatus(201)
    for (const prix of ['1.23', '1.24']) {
      const created = await client
        .post('/api/v1/products')
        .header('x-api-token', token)
        .json({ nom: `Article ${prix}`, prix, categorie_id: category.body().id })
      created.assertStatus(201)
    }
    const prices = async (qs: Record<string, unknown>) => {
      const response = await client
        .get('/api/v1/products')
        .qs({ categorie_id: category.body().id, ...qs })
        .header('x-api-token', token)
      response.assertStatus(200)
      return response.body().items.map((p: { prix: string }) => p.prix)
    }
    assert.deepEqual(await prices({ prix_min: '1.234' }), ['1.24'])
    assert.deepEqual(await prices({ prix_max: '1.235' }), ['1.23'])
    assert.deepEqual(await prices({ prix_min: '1.231', prix_max: '1.239' }), [])
    assert.deepEqual(await prices({ prix_min: '1.23', prix_max: '1.24' }), ['1.23', '1.24'])
    assert.deepEqual(await prices({ prix_min: '1.24', prix_max: '1.24' }), ['1.24'])
  })

  test('swapped bounds (prix_max below prix_min) are a 422 on prix_max, not an empty page', async ({ client, assert }) => {
    const response = await client.get('/api/v1/products').qs({ prix_min: 2, prix_max: 1 }).header('x-api-token', token)
    response.assertStatus(422)
    assert.deepEqual(
      response.body().details.validation_errors.map((e: { field: string }) => e.field),
      ['prix_max']
    )
  })
})
