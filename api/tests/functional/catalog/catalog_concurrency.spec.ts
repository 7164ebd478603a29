import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { resetDatabase } from '#tests/helpers/database'
import type { ApiError } from '#core/api_error'
import { translateProductWriteError } from '#catalog/services/product_integrity'

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

  test('parallel creations under the same code: one 201, and every 409 names the product that won', async ({ client, assert }) => {
    const token = await tokenWith(['read', 'write'])
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.post('/api/v1/products').header('x-api-token', token).json({ code: 'COURSE1', nom: `Course ${i}`, prix: 1, categorie_id: 2 })
      )
    )
    const winner = responses.find((r) => r.status() === 201)!.body()
    const refused = responses.filter((r) => r.status() === 409)
    assert.lengthOf(refused, 7)
    for (const response of refused) {
      assert.deepEqual(response.body().details.existing, { id: winner.id, code: 'COURSE1', nom: winner.nom })
    }
  }).timeout(60_000)

  test('a write that lost the race past the check names the product that won it', async ({ assert }) => {
    // What PostgreSQL raises then; the check before the write cannot be made to miss on demand.
    const violation = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'products_barcode_lower_unique' })
    await db.from('products').where('id', 1).update({ barcode: 'COURSE-BC' })
    const error = (await translateProductWriteError(violation, { barcode: 'course-bc' })) as ApiError
    assert.equal(error.message, "Product with code_barre 'course-bc' already exists: Pain (ALI001)")
    assert.deepEqual(error.details, {
      resource: 'Product',
      field: 'code_barre',
      value: 'course-bc',
      existing: { id: 1, code: 'ALI001', nom: 'Pain' },
    })
    // Its own barcode is no rival: an update excludes the product being written.
    const own = (await translateProductWriteError(violation, { barcode: 'course-bc' }, 1)) as ApiError
    assert.notProperty(own.details, 'existing')
  })

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
