import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'
import { ledgerAndLevel, warehouseLocation } from '#tests/helpers/database'

/*
 * reduce-stock is a write an integrator retries when an answer is lost; it
 * ignored the Idempotency-Key every other stock write honours, so a retry
 * took the units out of the warehouse twice.
 */
function reduce(client: ApiClient, token: string, key: string | null, quantity: number, productId = 1) {
  const request = client.post(`/api/v1/products/${productId}/reduce-stock`).qs({ quantity }).header('x-api-token', token)
  return key === null ? request : request.header('idempotency-key', key)
}

test.group('POST /api/v1/products/{id}/reduce-stock with an Idempotency-Key', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['read', 'write'])
    return rollback
  })

  test('a retry answers with the product (200, replayed) and takes the units out once', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 1)
    const first = await reduce(client, token, 'erp-reduce-0001', 3)
    first.assertStatus(200)
    assert.isUndefined(first.header('idempotent-replayed'))
    assert.equal(first.body().quantite_stock, before.level - 3)

    const retry = await reduce(client, token, 'erp-reduce-0001', 3)
    retry.assertStatus(200)
    assert.equal(retry.header('idempotent-replayed'), 'true')
    assert.equal(retry.body().quantite_stock, before.level - 3)
    const after = await ledgerAndLevel(warehouse, 1)
    assert.deepEqual(after, { ledger: before.ledger - 3, level: before.level - 3 })

    // Without a key every call is a new reduction, as before.
    ;(await reduce(client, token, null, 1)).assertStatus(200)
    ;(await reduce(client, token, null, 1)).assertStatus(200)
    assert.equal((await ledgerAndLevel(warehouse, 1)).level, before.level - 5)
  })

  test('the same key for another quantity or product is a 409 IDEMPOTENCY_CONFLICT and changes nothing', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    ;(await reduce(client, token, 'erp-reduce-0002', 2)).assertStatus(200)
    const level = await ledgerAndLevel(warehouse, 1)
    for (const [quantity, productId] of [
      [4, 1],
      [2, 2],
    ]) {
      const conflict = await reduce(client, token, 'erp-reduce-0002', quantity, productId)
      conflict.assertStatus(409)
      assert.equal(conflict.body().error_code, 'IDEMPOTENCY_CONFLICT')
    }
    assert.deepEqual(await ledgerAndLevel(warehouse, 1), level)
  })

  test('a refused reduction (not enough stock) does not use its key up', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const { level } = await ledgerAndLevel(warehouse, 1)
    const short = await reduce(client, token, 'erp-reduce-0003', level + 1)
    short.assertStatus(409)
    assert.equal(short.body().error_code, 'INSUFFICIENT_STOCK')
    const fits = await reduce(client, token, 'erp-reduce-0003', 1)
    fits.assertStatus(200)
    assert.equal(fits.body().quantite_stock, level - 1)
  })
})
