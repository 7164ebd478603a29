import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { resetDatabase } from '#tests/helpers/database'

/*
 * Parallel requests must commit to race each other, so this group runs
 * outside the per-test transaction and resets the database afterwards.
 */
test.group('Store writes under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('parallel creations of one store name: one 201, the rest 409 naming nom, one location', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => client.post('/api/v1/stores').header('x-api-token', token).json({ nom: 'Magasin Course' }))
    )
    assert.deepEqual(responses.map((r) => r.status()).sort(), [201, ...Array(7).fill(409)])
    assert.isTrue(responses.filter((r) => r.status() === 409).every((r) => r.body().error_code === 'DUPLICATE_RESOURCE'))
    const stores = await db.from('stores').where('name', 'Magasin Course')
    assert.lengthOf(stores, 1)
    assert.lengthOf(await db.from('stock_locations').where('store_id', stores[0].id), 1)
  }).timeout(60_000)

  test('parallel register additions to one store get distinct numbers', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => client.post('/api/v1/stores/5/registers').header('x-api-token', token).json({}))
    )
    assert.deepEqual(responses.map((r) => r.status()), Array(10).fill(201))
    assert.deepEqual(
      responses.map((r) => r.body().numero as number).sort((a, b) => a - b),
      Array.from({ length: 10 }, (_, i) => i + 4)
    )
  }).timeout(60_000)
})
