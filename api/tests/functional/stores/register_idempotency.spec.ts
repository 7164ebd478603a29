import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * Without numero a register gets the next free number, so a retried POST
 * (a lost answer, a re-posted form) added a second register: "Caisse 4",
 * then "Caisse 5". With an Idempotency-Key the retry answers the first one.
 */
async function registersOfStore(storeId: number) {
  const rows = await db.from('registers').where('store_id', storeId).orderBy('number').select('number')
  return rows.map((r) => r.number as number)
}

test.group('POST /api/v1/stores/:id/registers with an Idempotency-Key', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  const add = (client: ApiClient, key: string, body: object = {}) =>
    client.post('/api/v1/stores/2/registers').header('x-api-token', token).header('idempotency-key', key).json(body)

  test('a retry answers with the first register (200, replayed) and adds none', async ({ client, assert }) => {
    const first = await add(client, 'erp-register-0001')
    first.assertStatus(201)
    assert.containsSubset(first.body(), { magasin_id: 2, numero: 4, nom: 'Caisse 4' })
    const retry = await add(client, 'erp-register-0001')
    retry.assertStatus(200)
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.deepEqual(retry.body(), first.body())
    assert.deepEqual(await registersOfStore(2), [1, 2, 3, 4])
  })

  test('the same key with another body is a 409 IDEMPOTENCY_CONFLICT; a refused creation does not use its key', async ({
    client,
    assert,
  }) => {
    ;(await add(client, 'erp-register-0002', { nom: 'Comptoir' })).assertStatus(201)
    const conflict = await add(client, 'erp-register-0002', { nom: 'Autre' })
    conflict.assertStatus(409)
    assert.equal(conflict.body().error_code, 'IDEMPOTENCY_CONFLICT')

    const taken = await add(client, 'erp-register-0003', { numero: 1 })
    taken.assertStatus(409)
    assert.equal(taken.body().error_code, 'DUPLICATE_RESOURCE')
    ;(await add(client, 'erp-register-0003', { numero: 9 })).assertStatus(201)
    assert.deepEqual(await registersOfStore(2), [1, 2, 3, 4, 9])
  })
})
