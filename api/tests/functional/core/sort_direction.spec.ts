import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * `sort=field,asc|desc`: client libraries often write the direction in
 * capitals (`nom,DESC`). The original ignored sort altogether, so such a
 * call worked there; it must sort here, not answer 422.
 */
test.group('sort direction in any case', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('DESC, Desc and desc sort the same way; ASC like asc', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    const ids = async (sort: string) => {
      const response = await client.get('/api/v1/products').qs({ sort, size: 100 }).header('x-api-token', token)
      response.assertStatus(200)
      return response.body().items.map((p: { id: number }) => p.id)
    }
    const descending = await ids('prix,desc')
    assert.deepEqual(await ids('prix,DESC'), descending)
    assert.deepEqual(await ids('prix,Desc'), descending)
    assert.deepEqual(await ids('prix,ASC'), await ids('prix,asc'))
    assert.notDeepEqual(await ids('prix,asc'), descending)

    const stores = await client.get('/api/v1/stores').qs({ sort: 'id,DESC' }).header('x-api-token', token)
    assert.equal(stores.body().items[0].id, 5)
  })

  test('a field in the wrong case, or another direction, is still a 422 on sort', async ({ client, assert }) => {
    const token = await tokenWith(['read'])
    for (const sort of ['PRIX,desc', 'prix,down', 'prix,']) {
      const response = await client.get('/api/v1/products').qs({ sort }).header('x-api-token', token)
      response.assertStatus(422)
      assert.equal(response.body().details.validation_errors[0].field, 'sort', sort)
    }
  })
})
