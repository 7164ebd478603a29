import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { resetDatabase } from '#tests/helpers/database'

/*
 * Parallel requests must commit to race each other, so this group runs
 * outside the per-test transaction and resets the database afterwards.
 */
test.group('Catalog writes under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('parallel creations without a code get distinct consecutive codes', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        client.post('/api/v1/products').header('x-api-token', token).json({ nom: `Parallèle ${i}`, prix: 1, categorie_id: 2 })
      )
    )
    assert.deepEqual(responses.map((r) => r.status()), Array(12).fill(201))
    const codes = responses.map((r) => r.body().code as string).sort()
    assert.deepEqual(codes, Array.from({ length: 12 }, (_, i) => `BOI${String(i + 4).padStart(3, '0')}`))
  }).timeout(60_000)

  test('parallel creations of the same category name: one 201, the rest 409, one row', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => client.post('/api/v1/categories').header('x-api-token', token).json({ nom: 'Bio' }))
    )
    const statuses = responses.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [201, ...Array(7).fill(409)])
    assert.isTrue(responses.filter((r) => r.status() === 409).every((r) => r.body().details.field === 'nom'))
    assert.lengthOf(await db.from('categories').where('name', 'Bio'), 1)
  }).timeout(60_000)
})
