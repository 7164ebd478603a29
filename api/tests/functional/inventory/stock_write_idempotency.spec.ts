import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { ledgerAndLevel, locationOfStore, resetDatabase, warehouseLocation } from '#tests/helpers/database'

const ADJUSTMENT = { magasin_id: 1, produit_id: 1, quantite: -4, motif: 'Casse (double clic)' }
const RECEIPT = { lignes: [{ produit_id: 2, quantite: 60 }], fournisseur: 'Laiterie du Nord', reference: 'BL-881' }

function post(client: ApiClient, actor: Actor, path: string, key: string | null, body: Record<string, unknown>) {
  const request = client.post(path).header('x-api-token', actor.token)
  return (key === null ? request : request.header('idempotency-key', key)).json(body)
}

const adjust = (client: ApiClient, actor: Actor, key: string | null, body: Record<string, unknown> = ADJUSTMENT) =>
  post(client, actor, '/api/v1/stock/adjustments', key, body)
const receive = (client: ApiClient, actor: Actor, key: string | null, body: Record<string, unknown> = RECEIPT) =>
  post(client, actor, '/api/v1/warehouse/receipts', key, body)

async function movementCount() {
  const row = await db.from('stock_movements').count('* as n').first()
  return Number(row?.n)
}

test.group('Stock adjustments and warehouse receipts with an Idempotency-Key', (group) => {
  let manager: Actor
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    manager = await signedIn('manager')
    return rollback
  })

  test('a retried adjustment answers with the first movement (200, replayed) and changes the level once', async ({ client, assert }) => {
    const store = await locationOfStore(1)
    const before = await ledgerAndLevel(store, 1)
    const first = await adjust(client, manager, 'web-adjust-0001')
    first.assertStatus(201)
    assert.isUndefined(first.header('idempotent-replayed'))
    const movements = await movementCount()

    const again = await adjust(client, manager, 'web-adjust-0001')
    again.assertStatus(200)
    again.assertHeader('idempotent-replayed', 'true')
    assert.deepEqual(again.body(), first.body())
    assert.equal(await movementCount(), movements)
    assert.deepEqual(await ledgerAndLevel(store, 1), { ledger: before.ledger - 4, level: before.level - 4 })
  })

  test('a count that matched the level replays as 204 again', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const { level } = await ledgerAndLevel(warehouse, 3)
    const body = { entrepot: true, produit_id: 3, nouvelle_quantite: level, motif: 'Inventaire' }
    const movements = await movementCount()
    ;(await adjust(client, manager, 'web-count-0001', body)).assertStatus(204)
    const again = await adjust(client, manager, 'web-count-0001', body)
    again.assertStatus(204)
    again.assertHeader('idempotent-replayed', 'true')
    assert.equal(await movementCount(), movements)
  })

  test('a retried receipt answers with the first movements and adds the goods once', async ({ client, assert }) => {
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 2)
    const first = await receive(client, manager, 'web-receipt-0001')
    first.assertStatus(201)
    const again = await receive(client, manager, 'web-receipt-0001')
    again.assertStatus(200)
    again.assertHeader('idempotent-replayed', 'true')
    assert.deepEqual(again.body(), first.body())
    assert.deepEqual(await ledgerAndLevel(warehouse, 2), { ledger: before.ledger + 60, level: before.level + 60 })
  })

  test('the same key with another body is a 409 IDEMPOTENCY_CONFLICT and writes nothing', async ({ client, assert }) => {
    ;(await adjust(client, manager, 'web-adjust-0002')).assertStatus(201)
    ;(await receive(client, manager, 'web-receipt-0002')).assertStatus(201)
    const movements = await movementCount()
    for (const [response, key] of [
      [await adjust(client, manager, 'web-adjust-0002', { ...ADJUSTMENT, quantite: -5 }), 'web-adjust-0002'],
      [await adjust(client, manager, 'web-adjust-0002', { ...ADJUSTMENT, motif: 'Autre motif' }), 'web-adjust-0002'],
      [await receive(client, manager, 'web-receipt-0002', { ...RECEIPT, reference: 'BL-882' }), 'web-receipt-0002'],
    ] as const) {
      response.assertStatus(409)
      assert.containsSubset(response.body(), { error_code: 'IDEMPOTENCY_CONFLICT', details: { idempotency_key: key } })
    }
    assert.equal(await movementCount(), movements)
  })

  test('a key is scoped to its operation, and a refused write does not use it up', async ({ client }) => {
    // The same key on an adjustment and on a receipt: two different writes.
    ;(await adjust(client, manager, 'web-shared-0001')).assertStatus(201)
    ;(await receive(client, manager, 'web-shared-0001')).assertStatus(201)
    // Refused (the level would go below zero): nothing committed, so the corrected body may use the key.
    ;(await adjust(client, manager, 'web-adjust-0003', { ...ADJUSTMENT, quantite: -100_000 })).assertStatus(409)
    ;(await adjust(client, manager, 'web-adjust-0003')).assertStatus(201)
  })

  test('a malformed key is a 422 and writes nothing', async ({ client, assert }) => {
    const movements = await movementCount()
    for (const key of ['', 'short', 'has space in it']) {
      const adjusted = await adjust(client, manager, key)
      adjusted.assertStatus(422)
      assert.equal(adjusted.body().error_code, 'VALIDATION_ERROR')
      ;(await receive(client, manager, key)).assertStatus(422)
    }
    assert.equal(await movementCount(), movements)
  })

  test('a clerk is refused before any replay (403), with or without a key', async ({ client }) => {
    const clerk = await signedIn('clerk', 1)
    ;(await adjust(client, manager, 'web-adjust-0004')).assertStatus(201)
    ;(await adjust(client, clerk, 'web-adjust-0004')).assertStatus(403)
    ;(await receive(client, clerk, null)).assertStatus(403)
  })
})

/* Real HTTP, committed: a shared test transaction would serialise the requests and prove nothing. */
test.group('Idempotent stock writes under concurrency (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('10 parallel posts of one receipt key: one 201, nine replays, the goods added once', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const warehouse = await warehouseLocation()
    const before = await ledgerAndLevel(warehouse, 2)
    const responses = await Promise.all(Array.from({ length: 10 }, () => receive(client, manager, 'web-receipt-race-01')))
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    for (const response of responses) assert.deepEqual(response.body(), responses[0].body())
    assert.deepEqual(await ledgerAndLevel(warehouse, 2), { ledger: before.ledger + 60, level: before.level + 60 })
  })

  test('10 parallel posts of one adjustment key: the level changes once', async ({ client, assert }) => {
    const manager = await signedIn('manager')
    const store = await locationOfStore(1)
    const before = await ledgerAndLevel(store, 1)
    const responses = await Promise.all(Array.from({ length: 10 }, () => adjust(client, manager, 'web-adjust-race-01')))
    assert.equal(responses.filter((response) => response.status() === 201).length, 1)
    assert.equal(responses.filter((response) => response.status() === 200).length, 9)
    assert.deepEqual(await ledgerAndLevel(store, 1), { ledger: before.ledger - 4, level: before.level - 4 })
  })
})
