import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { ledgerAndLevel, locationOfStore, resetDatabase, setLevel, warehouseLocation } from '#tests/helpers/database'
import { untilBlockedOnLock } from '#tests/helpers/waiting'

async function request(client: ApiClient, actor: Actor, productId: number, quantity: number, storeId = 1) {
  const response = await client
    .post('/api/v1/replenishments')
    .header('x-api-token', actor.token)
    .json({ magasin_id: storeId, produit_id: productId, quantite: quantity })
  response.assertStatus(201)
  return response.body().id as number
}

function parallel<R>(count: number, action: (i: number) => Promise<R>) {
  return Promise.all(Array.from({ length: count }, (_, i) => action(i)))
}

function outMovements(requestId: number, kind: string) {
  return db
    .from('stock_movements')
    .where({ reference_type: 'replenishment_request', reference_id: requestId, kind })
    .count('* as n')
    .first()
    .then((row) => Number(row?.n))
}

/*
 * These go through real HTTP and commit (a shared test transaction would
 * serialise them on one connection and prove nothing).
 */
test.group('Replenishment under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('20 parallel approvals of one request: exactly one transfer, 19 × 409', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 2)
    const id = await request(client, manager, 2, 25)

    const responses = await parallel(20, () =>
      client.post(`/api/v1/replenishments/${id}/approve`).header('x-api-token', manager.token)
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 200).length, 1)
    assert.equal(statuses.filter((s) => s === 409).length, 19)
    assert.isTrue(responses.filter((r) => r.status() === 409).every((r) => r.body().error_code === 'INVALID_TRANSITION'))
    assert.deepEqual(await ledgerAndLevel(warehouse, 2), { ledger: before.ledger - 25, level: before.level - 25 })
    assert.equal(await outMovements(id, 'replenishment_out'), 1)
  }).timeout(120_000)

  test('20 parallel receives of one shipped request: one increment', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const clerk = await signedIn('clerk', 1)
    const store = await locationOfStore(1)
    const before = await ledgerAndLevel(store, 3)
    const id = await request(client, clerk, 3, 12)
    ;(await client.post(`/api/v1/replenishments/${id}/approve`).header('x-api-token', manager.token)).assertStatus(200)
    ;(await client.post(`/api/v1/replenishments/${id}/ship`).header('x-api-token', manager.token)).assertStatus(200)

    const responses = await parallel(20, (i) =>
      client.post(`/api/v1/replenishments/${id}/receive`).header('x-api-token', i % 2 === 0 ? clerk.token : manager.token)
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 200).length, 1)
    assert.equal(statuses.filter((s) => s === 409).length, 19)
    assert.deepEqual(await ledgerAndLevel(store, 3), { ledger: before.ledger + 12, level: before.level + 12 })
    assert.equal(await outMovements(id, 'replenishment_in'), 1)
  }).timeout(120_000)

  test('20 parallel approvals of different requests never promise more than the warehouse holds', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const warehouse = await warehouseLocation()
    // One request per store and product (a second in flight is refused): 5 stores × 4 products, 20 units of each at the warehouse.
    const products = [6, 7, 8, 9]
    for (const productId of products) await setLevel(warehouse, productId, 20)
    const ids: number[] = []
    for (const productId of products) for (let storeId = 1; storeId <= 5; storeId++) ids.push(await request(client, manager, productId, 10, storeId))

    const responses = await parallel(20, (i) =>
      client.post(`/api/v1/replenishments/${ids[i]}/approve`).header('x-api-token', manager.token)
    )
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 200).length, 8)
    const refused = responses.filter((r) => r.status() === 409)
    assert.lengthOf(refused, 12)
    assert.isTrue(refused.every((r) => r.body().error_code === 'INSUFFICIENT_STOCK'))
    for (const productId of products) assert.deepEqual(await ledgerAndLevel(warehouse, productId), { ledger: 0, level: 0 })
    const approved = await db.from('replenishment_requests').whereIn('id', ids).where('status', 'approved').count('* as n').first()
    assert.equal(Number(approved?.n), 8)
  }).timeout(120_000)

  test('quantity changes racing approvals: the warehouse reserves exactly the quantity the request ends with', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const clerk = await signedIn('clerk', 1)
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 4)
    const id = await request(client, clerk, 4, 10)

    const responses = await parallel(20, (i) =>
      i % 2 === 0
        ? client.post(`/api/v1/replenishments/${id}/approve`).header('x-api-token', manager.token)
        : client.patch(`/api/v1/replenishments/${id}`).header('x-api-token', clerk.token).json({ quantite: 11 + i })
    )
    const stored = await db.from('replenishment_requests').where('id', id).firstOrFail()
    assert.equal(stored.status, 'approved')
    // By kind, not by the state a 200 shows: a change's answer is read after its commit and may already show the approval.
    const approvals = responses.filter((_, i) => i % 2 === 0)
    const changesSent = responses.filter((_, i) => i % 2 === 1)
    assert.equal(approvals.filter((r) => r.status() === 200).length, 1)
    assert.isTrue(responses.every((r) => r.status() === 200 || r.body().error_code === 'INVALID_TRANSITION'))
    assert.deepEqual(await ledgerAndLevel(warehouse, 4), { ledger: before.ledger - stored.quantity, level: before.level - stored.quantity })
    const changes = await db.from('replenishment_quantity_changes').where('replenishment_request_id', id).orderBy('id')
    const accepted = changesSent.filter((r) => r.status() === 200).length
    assert.lengthOf(changes, accepted, 'one history line per change that went through, none for a refused one')
    assert.equal(changes.at(-1)?.new_quantity ?? 10, stored.quantity)
  }).timeout(120_000)

  test('a quantity change waits for an approval holding the request, then is refused (409): it never changes what was reserved', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const clerk = await signedIn('clerk', 1)
    const id = await request(client, clerk, 3, 10)
    // An approval in progress, as runTransition does it: the request row locked, then its state changed.
    const approving = await db.transaction()
    let change
    try {
      await approving.rawQuery('SELECT id FROM replenishment_requests WHERE id = ? FOR UPDATE', [id])
      change = Promise.resolve(client.patch(`/api/v1/replenishments/${id}`).header('x-api-token', clerk.token).json({ quantite: 99 }))
      await untilBlockedOnLock('%replenishment_requests%for update%')
      await approving.from('replenishment_requests').where('id', id).update({ status: 'approved', approved_by: manager.user.id, approved_at: approving.raw('now()') })
      await approving.commit()
    } finally {
      // A failed step must not leave the lock held: the group's reset would wait on it forever.
      if (!approving.isCompleted) await approving.rollback()
    }
    const response = await change
    response.assertStatus(409)
    assert.equal(response.body().details.from, 'validee')
    const stored = await db.from('replenishment_requests').where('id', id).firstOrFail()
    assert.equal(stored.quantity, 10)
  }).timeout(60_000)

  test('approvals racing cancellations leave the warehouse consistent with the final state', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 5)
    const id = await request(client, manager, 5, 7)

    await parallel(20, (i) =>
      client.post(`/api/v1/replenishments/${id}/${i % 2 === 0 ? 'approve' : 'cancel'}`).header('x-api-token', manager.token)
    )
    const stored = await db.from('replenishment_requests').where('id', id).firstOrFail()
    assert.include(['approved', 'cancelled'], stored.status)
    const outs = await outMovements(id, 'replenishment_out')
    const backs = await outMovements(id, 'replenishment_in')
    assert.isAtMost(outs, 1)
    assert.equal(backs, stored.status === 'cancelled' ? outs : 0)
    const expected = stored.status === 'approved' ? before.level - 7 : before.level
    assert.deepEqual(await ledgerAndLevel(warehouse, 5), { ledger: expected, level: expected })
  }).timeout(120_000)
})
