import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { signedIn } from '#tests/helpers/actors'
import { resetDatabase } from '#tests/helpers/database'
import { tokenWith } from '#tests/helpers/tokens'
import { openRegister, registersOf } from '#tests/helpers/pos'
import type { Actor } from '#tests/functional/inventory/replenishment_helpers'

const BODY = { magasin_id: 1, produit_id: 2, quantite: 30, note: 'Double clic' }

function post(client: ApiClient, token: string, key: string | null, body: Record<string, unknown> = BODY) {
  const request = client.post('/api/v1/replenishments').header('x-api-token', token)
  return (key === null ? request : request.header('idempotency-key', key)).json(body)
}

async function requestCount() {
  const row = await db.from('replenishment_requests').count('* as n').first()
  return Number(row?.n)
}

test.group('POST /replenishments with an Idempotency-Key', (group) => {
  let clerk: Actor
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    clerk = await signedIn('clerk', 1)
    return rollback
  })

  test('a retry with the same key and body answers with the first request (200, replayed) and creates nothing', async ({ client, assert }) => {
    const first = await post(client, clerk.token, 'web-0001-retry')
    first.assertStatus(201)
    assert.isUndefined(first.header('idempotent-replayed'))
    const again = await post(client, clerk.token, 'web-0001-retry')
    again.assertStatus(200)
    again.assertHeader('idempotent-replayed', 'true')
    assert.deepEqual(again.body(), first.body())
    assert.equal(await requestCount(), 1)
    // The replay shows the request as it is now, not as it was.
    const manager = await signedIn('manager')
    await client.post(`/api/v1/replenishments/${first.body().id}/reject`).header('x-api-token', manager.token).json({ motif: 'Non' })
    const later = await post(client, clerk.token, 'web-0001-retry')
    later.assertStatus(200)
    assert.equal(later.body().statut, 'refusee')
    assert.equal(await requestCount(), 1)
  })

  test('the same key with another body is a 409 IDEMPOTENCY_CONFLICT naming the first request; nothing is written', async ({ client, assert }) => {
    const first = await post(client, clerk.token, 'web-0002-conflict')
    first.assertStatus(201)
    for (const body of [{ ...BODY, quantite: 31 }, { ...BODY, produit_id: 3 }, { magasin_id: 1, produit_id: 2, quantite: 30 }]) {
      const other = await post(client, clerk.token, 'web-0002-conflict', body)
      other.assertStatus(409)
      assert.containsSubset(other.body(), {
        error_code: 'IDEMPOTENCY_CONFLICT',
        details: { idempotency_key: 'web-0002-conflict', replenishment_id: first.body().id },
      })
    }
    assert.equal(await requestCount(), 1)
  })

  test('without a key every POST is a new request; distinct keys are distinct requests', async ({ client, assert }) => {
    // Each for another product: a second request for one product in flight is a 409 (replenishment_in_flight.spec.ts).
    ;(await post(client, clerk.token, null)).assertStatus(201)
    ;(await post(client, clerk.token, null, { ...BODY, produit_id: 3 })).assertStatus(201)
    ;(await post(client, clerk.token, 'web-0003-a', { ...BODY, produit_id: 4 })).assertStatus(201)
    ;(await post(client, clerk.token, 'web-0003-b', { ...BODY, produit_id: 5 })).assertStatus(201)
    assert.equal(await requestCount(), 4)
  })

  test('a malformed key is a 422 and writes nothing', async ({ client, assert }) => {
    for (const key of ['', 'short', 'has space in it', 'accentué-clé-01', 'x'.repeat(101)]) {
      const response = await post(client, clerk.token, key)
      response.assertStatus(422)
      assert.equal(response.body().error_code, 'VALIDATION_ERROR', key)
    }
    assert.equal(await requestCount(), 0)
  })

  test('a refused request does not use up its key: validation (422) and unknown product (404), then the fixed body succeeds', async ({ client, assert }) => {
    ;(await post(client, clerk.token, 'web-0005-fixed', { ...BODY, quantite: 0 })).assertStatus(422)
    ;(await post(client, clerk.token, 'web-0005-fixed', { ...BODY, produit_id: 999_999 })).assertStatus(404)
    assert.equal(await requestCount(), 0)
    ;(await post(client, clerk.token, 'web-0005-fixed')).assertStatus(201)
    assert.equal(await requestCount(), 1)
  })

  test('auth: 401 without a token, 403 read-only; a clerk of another store cannot replay a key (403)', async ({ client, assert }) => {
    ;(await client.post('/api/v1/replenishments').header('idempotency-key', 'web-0006-auth').json(BODY)).assertStatus(401)
    ;(await post(client, await tokenWith(['read']), 'web-0006-auth')).assertStatus(403)
    ;(await post(client, clerk.token, 'web-0006-auth')).assertStatus(201)
    const otherClerk = await signedIn('clerk', 2)
    const replay = await post(client, otherClerk.token, 'web-0006-auth')
    replay.assertStatus(403)
    assert.equal(replay.body().error_code, 'AUTHORIZATION_ERROR')
    assert.equal(await requestCount(), 1)
  })

  test('a key used for a replenishment is not a sale key (each table keeps its own)', async ({ client, assert }) => {
    ;(await post(client, clerk.token, 'web-0007-shared')).assertStatus(201)
    const registerId = (await registersOf(1))[0]
    await openRegister(client, clerk.token, registerId)
    const sale = await client
      .post('/api/v1/sales')
      .header('x-api-token', clerk.token)
      .header('idempotency-key', 'web-0007-shared')
      .json({ caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '100.00' }] })
    sale.assertStatus(201)
    assert.equal(await requestCount(), 1)
  })
})

/* Real commits: a shared test transaction would serialise the requests and prove nothing. */
test.group('POST /replenishments: concurrent retries (commits; database reset afterwards)', (group) => {
  group.teardown(() => resetDatabase())

  test('20 parallel posts with one key: one request, one 201 and 19 replays', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(client, clerk.token, 'web-0008-storm')))
    const statuses = responses.map((r) => r.status())
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','))
    assert.equal(statuses.filter((s) => s === 200).length, 19, statuses.join(','))
    assert.equal(new Set(responses.map((r) => r.body().id)).size, 1)
    const rows = await db.from('replenishment_requests').where('idempotency_key', 'web-0008-storm').count('* as n').first()
    assert.equal(Number(rows?.n), 1)
  }).timeout(60_000)
})
