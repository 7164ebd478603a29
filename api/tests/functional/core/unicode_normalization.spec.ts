import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * "è" is one code point (U+00E8, NFC) or "e" followed by a combining grave
 * accent (U+0300, NFD). Both print the same; the API keeps and compares text
 * in NFC, whichever the client sent.
 */
const NFD_HYGIENE = 'Hygie\u0300ne'
const NFD_PATES = 'Pa\u0302tes'

test.group('Text is compared and stored in one Unicode form (NFC)', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a decomposed "Hygiène" is the seed category, not a second one', async ({ client, assert }) => {
    assert.notEqual(NFD_HYGIENE, 'Hygiène')
    const response = await client.post('/api/v1/categories').header('x-api-token', token).json({ nom: NFD_HYGIENE })
    response.assertStatus(409)
    assert.equal(response.body().error_code, 'DUPLICATE_RESOURCE')
  })

  test('a new name sent decomposed is stored composed', async ({ client, assert }) => {
    const created = await client
      .post('/api/v1/categories')
      .header('x-api-token', token)
      .json({ nom: 'Cre\u0300merie', description: 'Produits laitiers frai\u0302s' })
    created.assertStatus(201)
    assert.equal(created.body().nom, 'Crèmerie')
    assert.equal(created.body().description, 'Produits laitiers fraîs')
  })

  test('a search or a store name sent decomposed finds the composed text', async ({ client, assert }) => {
    const search = await client.get('/api/v1/products').qs({ search: NFD_PATES }).header('x-api-token', token)
    search.assertStatus(200)
    assert.deepEqual(
      search.body().items.map((p: { code: string }) => p.code),
      ['ALI005']
    )
    const store = await client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'Magasin Fle\u0301chette' })
    store.assertStatus(201)
    assert.equal(store.body().nom, 'Magasin Fléchette')
    const byName = await client
      .get(`/api/v1/stores/by-name/${encodeURIComponent('Magasin Fle\u0301chette')}`)
      .header('x-api-token', token)
    byName.assertStatus(200)
    assert.equal(byName.body().id, store.body().id)
  })
})

test.group('Text fields refuse what is not a character or acts on the display', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a lone surrogate or a control character is a 422 naming the field; nothing is stored', async ({ client, assert }) => {
    const refused = [
      { nom: 'Lone \ud800 surrogate' },
      { nom: 'Rouge\u001b[31m' },
      { nom: 'Cloche\u0007' },
      { nom: 'CSI\u009b2J' },
      { nom: 'Ok', description: 'Efface\u007f' },
    ]
    for (const body of refused) {
      const response = await client.post('/api/v1/categories').header('x-api-token', token).json(body)
      response.assertStatus(422)
      assert.equal(response.body().error_code, 'VALIDATION_ERROR')
      assert.equal(response.body().details.validation_errors[0].type, 'characters', JSON.stringify(body))
    }
    const list = await client.get('/api/v1/categories').qs({ size: 100 }).header('x-api-token', token)
    assert.equal(list.body().total, 4)

    const nested = await client
      .post('/api/v1/stock/adjustments')
      .header('x-api-token', token)
      .json({ entrepot: true, produit_id: 1, quantite: 1, motif: 'Casse\u001b' })
    nested.assertStatus(422)
    assert.equal(nested.body().details.validation_errors[0].field, 'motif')
  })

  test('tabs and line breaks stay allowed', async ({ client, assert }) => {
    const created = await client
      .post('/api/v1/categories')
      .header('x-api-token', token)
      .json({ nom: 'Épicerie fine', description: 'Ligne 1\r\nLigne 2\tcolonne' })
    created.assertStatus(201)
    assert.equal(created.body().description, 'Ligne 1\r\nLigne 2\tcolonne')
  })
})
