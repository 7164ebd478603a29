import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

/* docs/api.md, "Input rules common to these routes": empty and whitespace-only strings in a JSON body count as null. */
test.group('Blank strings in a JSON body count as null', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('on a create, a blank optional field is absent', async ({ client, assert }) => {
    const created = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ nom: 'Sel fin', prix: '0.99', categorie_id: 1, description: '', code_barre: '   ' })
    created.assertStatus(201)
    assert.containsSubset(created.body(), { nom: 'Sel fin', description: null, code_barre: null })
  })

  test('in a PATCH, a blank field is cleared like null, or refused like null when it is required', async ({ client, assert }) => {
    const product = await client
      .post('/api/v1/products')
      .header('x-api-token', token)
      .json({ nom: 'Poivre', prix: '2.49', categorie_id: 1, description: 'Moulu', code_barre: '0123456789' })
    product.assertStatus(201)
    const cleared = await client
      .patch(`/api/v1/products/${product.body().id}`)
      .header('x-api-token', token)
      .json({ description: '', code_barre: ' ' })
    cleared.assertStatus(200)
    assert.containsSubset(cleared.body(), { description: null, code_barre: null })

    const store = await client.patch('/api/v1/stores/3').header('x-api-token', token).json({ adresse: '', telephone: '  ' })
    store.assertStatus(200)
    assert.containsSubset(store.body(), { adresse: null, telephone: null })

    const category = await client.patch('/api/v1/categories/1').header('x-api-token', token).json({ description: '\t ' })
    category.assertStatus(200)
    assert.isNull(category.body().description)

    const unnamed = await client.patch(`/api/v1/products/${product.body().id}`).header('x-api-token', token).json({ nom: '  ' })
    unnamed.assertStatus(422)
    assert.equal(unnamed.body().details.validation_errors[0].field, 'nom')
  })
})
