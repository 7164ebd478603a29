import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { resetDatabase } from '#tests/helpers/database'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { act, clerkAndManager, createRequest, type Actor } from '#tests/functional/inventory/replenishment_helpers'
import { IN_FLIGHT_INDEX, resolveInFlightDuplicates } from '#database/migrations/0018_one_replenishment_in_flight'

/*
 * One request in flight per store and product: a second one, while the
 * first is en_attente, validee or expediee, made the warehouse ship twice.
 */

const BODY = { magasin_id: 1, produit_id: 2, quantite: 30 }

function post(client: ApiClient, actor: Actor, body: Record<string, unknown> = BODY, key?: string) {
  const request = client.post('/api/v1/replenishments').header('x-api-token', actor.token)
  return (key ? request.header('idempotency-key', key) : request).json(body)
}

async function requestCount() {
  const row = await db.from('replenishment_requests').count('* as n').first()
  return Number(row?.n)
}

async function stockLine(client: ApiClient, actor: Actor, productId: number) {
  const response = await client.get('/api/v1/stores/1/stock').qs({ size: 100, sort: 'produit_id' }).header('x-api-token', actor.token)
  response.assertStatus(200)
  return response.body().items.find((item: { produit_id: number }) => item.produit_id === productId)
}

test.group('POST /replenishments: one request in flight per store and product', (group) => {
  const actors = eachTestRolledBack(group, clerkAndManager)

  test('a second request while the first is en_attente, validee or expediee is a 409 naming it; nothing is written', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const first = await createRequest(client, clerk)
    for (const [action, statut] of [
      [null, 'en_attente'],
      ['approve', 'validee'],
      ['ship', 'expediee'],
    ] as const) {
      if (action) (await act(client, manager, first.id, action)).assertStatus(200)
      for (const actor of [clerk, manager]) {
        const again = await post(client, actor, { ...BODY, quantite: 12 })
        again.assertStatus(409)
        assert.containsSubset(again.body(), {
          status: 409,
          error_code: 'REPLENISHMENT_IN_FLIGHT',
          path: '/api/v1/replenishments',
          details: { replenishment_id: first.id, statut, quantite: 30, magasin_id: 1, produit_id: 2, demande_le: first.demande_le },
        })
        assert.include(again.body().message, `${first.id}`)
      }
    }
    assert.equal(await requestCount(), 1)
  })

  test('once the request is livree, refusee or annulee the store may ask again', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const received = await createRequest(client, clerk)
    for (const action of ['approve', 'ship', 'receive']) (await act(client, manager, received.id, action)).assertStatus(200)
    const rejected = await createRequest(client, clerk)
    ;(await act(client, manager, rejected.id, 'reject', { motif: 'Stock suffisant' })).assertStatus(200)
    const cancelled = await createRequest(client, clerk)
    ;(await act(client, clerk, cancelled.id, 'cancel')).assertStatus(200)
    const approvedThenCancelled = await createRequest(client, clerk)
    ;(await act(client, manager, approvedThenCancelled.id, 'approve')).assertStatus(200)
    ;(await act(client, manager, approvedThenCancelled.id, 'cancel')).assertStatus(200)
    await createRequest(client, clerk)
    assert.equal(await requestCount(), 5)
  })

  test('another product, or the same product for another store, is a request of its own', async ({ client, assert }) => {
    const { clerk, manager } = actors
    await createRequest(client, clerk)
    await createRequest(client, clerk, { produit_id: 3 })
    await createRequest(client, manager, { magasin_id: 2 })
    assert.equal(await requestCount(), 3)
  })

  test('an Idempotency-Key retry still replays (200) while the request is in flight; another key is the 409', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const first = await post(client, clerk, BODY, 'stock-row-0001')
    first.assertStatus(201)
    ;(await act(client, manager, first.body().id, 'approve')).assertStatus(200)
    const retry = await post(client, clerk, BODY, 'stock-row-0001')
    retry.assertStatus(200)
    retry.assertHeader('idempotent-replayed', 'true')
    assert.equal(retry.body().id, first.body().id)
    assert.equal(retry.body().statut, 'validee')
    const fresh = await post(client, clerk, BODY, 'stock-row-0002')
    fresh.assertStatus(409)
    assert.equal(fresh.body().error_code, 'REPLENISHMENT_IN_FLIGHT')
    assert.equal(fresh.body().details.replenishment_id, first.body().id)
    assert.equal(await requestCount(), 1)
  })

  test('GET /stores/{id}/stock shows the request in flight of each product, null once it is received', async ({ client, assert }) => {
    const { clerk, manager } = actors
    const request = await createRequest(client, clerk, { quantite: 17 })
    await createRequest(client, clerk, { produit_id: 3, quantite: 4 })
    ;(await act(client, manager, request.id, 'approve')).assertStatus(200)
    assert.deepEqual((await stockLine(client, clerk, 2)).demande_en_cours, {
      id: request.id,
      quantite: 17,
      statut: 'validee',
      demande_le: request.demande_le,
    })
    assert.equal((await stockLine(client, manager, 3)).demande_en_cours.quantite, 4)
    assert.isNull((await stockLine(client, clerk, 1)).demande_en_cours)
    for (const action of ['ship', 'receive']) (await act(client, manager, request.id, action)).assertStatus(200)
    assert.isNull((await stockLine(client, clerk, 2)).demande_en_cours)
  })

  test('the database refuses a second request in flight even past the API (partial unique index)', async ({ assert }) => {
    const { clerk } = actors
    const row = { store_id: 1, product_id: 2, quantity: 5, status: 'pending', requested_by: clerk.user.id }
    await db.table('replenishment_requests').insert(row)
    await db.table('replenishment_requests').insert({ ...row, status: 'received', received_at: new Date() })
    await assert.rejects(() => db.table('replenishment_requests').insert({ ...row, status: 'shipped', shipped_at: new Date() }), new RegExp(IN_FLIGHT_INDEX))
  })

  test('migration 0018 cancels duplicate pending requests, keeping the one furthest along, and names those it cannot resolve', async ({ assert }) => {
    const { clerk } = actors
    await db.rawQuery(`DROP INDEX ${IN_FLIGHT_INDEX}`)
    const insert = async (storeId: number, productId: number, status: string, minutesAgo: number) => {
      const [row] = await db
        .table('replenishment_requests')
        .insert({
          store_id: storeId,
          product_id: productId,
          quantity: 5,
          status,
          requested_by: clerk.user.id,
          requested_at: new Date(Date.now() - minutesAgo * 60_000),
          ...(status === 'approved' || status === 'shipped' ? { approved_at: new Date() } : {}),
          ...(status === 'shipped' ? { shipped_at: new Date() } : {}),
        })
        .returning('id')
      return Number(row.id)
    }
    // Three pending: the oldest stays. A pending beside a shipped one: the shipped stays.
    const oldest = await insert(1, 2, 'pending', 30)
    const newer = [await insert(1, 2, 'pending', 20), await insert(1, 2, 'pending', 10)]
    const pendingBesideShipped = await insert(1, 3, 'pending', 30)
    const shipped = await insert(1, 3, 'shipped', 10)
    const alone = await insert(2, 2, 'pending', 5)

    const { cancelled, unresolved } = await resolveInFlightDuplicates(db.connection())
    assert.deepEqual(cancelled, [...newer, pendingBesideShipped].sort((a, b) => a - b))
    assert.deepEqual(unresolved, [])
    const statuses = Object.fromEntries(
      (await db.from('replenishment_requests').select('id', 'status', 'cancelled_at')).map((r) => [r.id, [r.status, r.cancelled_at !== null]])
    )
    assert.deepEqual(statuses[oldest], ['pending', false])
    assert.deepEqual(statuses[shipped], ['shipped', false])
    assert.deepEqual(statuses[alone], ['pending', false])
    for (const id of cancelled) assert.deepEqual(statuses[id], ['cancelled', true])

    // Two approved for one product: stock left the warehouse for both, a manager must decide.
    const approved = [await insert(3, 4, 'approved', 20), await insert(3, 4, 'approved', 10)]
    const again = await resolveInFlightDuplicates(db.connection())
    assert.deepEqual(again.cancelled, [])
    assert.deepEqual(again.unresolved, [{ store_id: 3, product_id: 4, ids: approved }])
  })
})

/* Real commits: a shared test transaction would serialise the requests and prove nothing. */
test.group('POST /replenishments: concurrent duplicates (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('20 parallel requests for one product of one store: one 201, 19 × 409 naming it', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    // Distinct keys (20 tabs, or 20 clerks): each is a new request as far as idempotency goes.
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => post(client, clerk, BODY, `tab-${i}-0000`)))
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','))
    assert.equal(statuses.filter((s) => s === 409).length, 19, statuses.join(','))
    const created = responses.find((r) => r.status() === 201)!.body()
    for (const refused of responses.filter((r) => r.status() === 409)) {
      assert.containsSubset(refused.body(), { error_code: 'REPLENISHMENT_IN_FLIGHT', details: { replenishment_id: created.id, statut: 'en_attente' } })
    }
    const rows = await db.from('replenishment_requests').where({ store_id: 1, product_id: 2 }).count('* as n').first()
    assert.equal(Number(rows?.n), 1)
  }).timeout(60_000)

  test('two parallel requests without a key: one 201, one 409', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const responses = await Promise.all([post(client, clerk, { ...BODY, produit_id: 5 }), post(client, clerk, { ...BODY, produit_id: 5 })])
    assert.sameMembers(
      responses.map((r) => r.status()),
      [201, 409]
    )
  }).timeout(60_000)
})
