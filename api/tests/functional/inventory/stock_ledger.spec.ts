import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { ApiError } from '#core/api_error'
import { ledgerAndLevel, locationOfStore, resetDatabase, setLevel } from '#tests/helpers/database'

test.group('Stock ledger under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('100 parallel removals of 1 unit from 10 in stock: exactly 10 succeed', async ({ assert }) => {
    const locationId = await locationOfStore(1)
    const productId = 1
    await setLevel(locationId, productId, 10)

    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        db.transaction((trx) => applyStockChanges(trx, locationId, [{ productId, delta: -1 }], { kind: 'sale' }))
      )
    )
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length
    const refused = outcomes.filter(
      (o) => o.status === 'rejected' && o.reason instanceof ApiError && o.reason.code === 'INSUFFICIENT_STOCK'
    ).length
    assert.equal(succeeded, 10)
    assert.equal(refused, 90)
    assert.deepEqual(await ledgerAndLevel(locationId, productId), { ledger: 0, level: 0 })
  }).timeout(60_000)

  test('concurrent multi-line changes in opposite orders never deadlock', async ({ assert }) => {
    const locationId = await locationOfStore(2)
    await setLevel(locationId, 2, 500)
    await setLevel(locationId, 3, 500)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction((trx) =>
          applyStockChanges(
            trx,
            locationId,
            i % 2 === 0
              ? [{ productId: 2, delta: -1 }, { productId: 3, delta: -1 }]
              : [{ productId: 3, delta: -1 }, { productId: 2, delta: -1 }],
            { kind: 'sale' }
          )
        )
      )
    )
    assert.isTrue(outcomes.every((o) => o.status === 'fulfilled'))
    assert.deepEqual(await ledgerAndLevel(locationId, 2), { ledger: 460, level: 460 })
    assert.deepEqual(await ledgerAndLevel(locationId, 3), { ledger: 460, level: 460 })
  }).timeout(60_000)

  test('a change that would go negative rolls back every line of the batch', async ({ assert }) => {
    const locationId = await locationOfStore(3)
    await setLevel(locationId, 4, 5)
    await setLevel(locationId, 5, 1)
    await assert.rejects(() =>
      db.transaction((trx) =>
        applyStockChanges(trx, locationId, [{ productId: 4, delta: -2 }, { productId: 5, delta: -3 }], { kind: 'sale' })
      )
    )
    assert.deepEqual(await ledgerAndLevel(locationId, 4), { ledger: 5, level: 5 })
    assert.deepEqual(await ledgerAndLevel(locationId, 5), { ledger: 1, level: 1 })
  })

  test('the ledger refuses UPDATE and DELETE', async ({ assert }) => {
    await assert.rejects(() => db.rawQuery('UPDATE stock_movements SET quantity_delta = 1'), /append-only/)
    await assert.rejects(() => db.rawQuery('DELETE FROM stock_movements'), /append-only/)
  })

  test('the database refuses a negative stock level even without the service', async ({ assert }) => {
    await assert.rejects(() => db.rawQuery('UPDATE stock_levels SET quantity = -1 WHERE id = 1'), /stock_levels_quantity_non_negative/)
  })
})
