import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

test.group('Store names that a URL would resolve away', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('"." and ".." are refused: /stores/by-name/.. is /stores/ to every URL parser', async ({ client, assert }) => {
    for (const nom of ['.', '..', ' .. ']) {
      const created = await client.post('/api/v1/stores').header('x-api-token', token).json({ nom })
      created.assertStatus(422)
      assert.equal(created.body().details.validation_errors[0].field, 'nom')
      const renamed = await client.patch('/api/v1/stores/3').header('x-api-token', token).json({ nom })
      renamed.assertStatus(422)
    }
    const dotted = await client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'Magasin St. Laurent...' })
    dotted.assertStatus(201)
  })
})
