import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { issueToken } from '#access/services/token_service'
import { scopesForRole } from '#access/policies'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { THREE_LINE_BASKET, openRegister, registersOf } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * An Idempotency-Key belongs to the caller who sent it (a user, whichever
 * session they call with; an integration token, which has no user): two
 * callers whose keys coincide each write their own, and neither is ever
 * answered with the other's sale.
 */

const KEY = 'shared-scheme-0001'
const CASH = [{ mode: 'especes', montant: '20.00' }]

function send(client: ApiClient, token: string, path: string, body: object, key = KEY) {
  return client.post(path).header('authorization', `Bearer ${token}`).header('idempotency-key', key).json(body)
}

/** A new session of the same user: what the web app holds after they log in again. */
async function newSessionOf(actor: Actor) {
  const { token } = await issueToken({
    name: `session ${actor.user.username} (again)`,
    scopes: scopesForRole(actor.user.role),
    kind: 'session',
    userId: actor.user.id,
  })
  return token
}

async function rowsWithKey(table: string, key = KEY) {
  return db.from(table).where('idempotency_key', key).orderBy('id').select('id', 'idempotency_scope')
}

test.group('Idempotency-Key scoped to the caller', (group) => {
  const ctx = eachTestRolledBack(group, async () => {
    const registerId = (await registersOf(1))[0]
    return { alice: await signedIn('clerk', 1), bruno: await signedIn('clerk', 1), registerId }
  })

  test('two users, one key, different sales: both are recorded, each under its own scope', async ({ client, assert }) => {
    const { alice, bruno, registerId } = ctx
    await openRegister(client, alice.token, registerId)
    const first = await send(client, alice.token, '/api/v1/sales', { caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements: CASH })
    first.assertStatus(201)
    const second = await send(client, bruno.token, '/api/v1/sales', {
      caisse_id: registerId,
      lignes: [{ code: 'ALI001', quantite: 1 }],
      paiements: CASH,
    })
    second.assertStatus(201)
    assert.notEqual(second.body().id, first.body().id)
    assert.equal(second.body().caissier_id, bruno.user.id)
    assert.deepEqual(
      (await rowsWithKey('sales')).map((row) => [Number(row.id), row.idempotency_scope]),
      [
        [first.body().id, `user:${alice.user.id}`],
        [second.body().id, `user:${bruno.user.id}`],
      ]
    )
  })

  test("the same body from another caller is a sale of its own, never the first caller's replayed", async ({ client, assert }) => {
    const { alice, bruno, registerId } = ctx
    await openRegister(client, alice.token, registerId)
    const body = { caisse_id: registerId, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: CASH }
    const first = await send(client, alice.token, '/api/v1/sales', body)
    first.assertStatus(201)
    const second = await send(client, bruno.token, '/api/v1/sales', body)
    second.assertStatus(201)
    assert.isUndefined(second.header('idempotent-replayed'))
    assert.notEqual(second.body().id, first.body().id)

    // Two integrations (tokens without a user) with the same key scheme: the same.
    const [erp, ecommerce] = [await tokenWith(['read', 'write']), await tokenWith(['read', 'write'])]
    const fromErp = await send(client, erp, '/api/v1/sales', body, 'order-00042')
    fromErp.assertStatus(201)
    const fromShop = await send(client, ecommerce, '/api/v1/sales', body, 'order-00042')
    fromShop.assertStatus(201)
    assert.notEqual(fromShop.body().id, fromErp.body().id)
    const again = await send(client, erp, '/api/v1/sales', body, 'order-00042')
    again.assertStatus(200)
    assert.equal(again.body().id, fromErp.body().id)
    assert.lengthOf(await rowsWithKey('sales', 'order-00042'), 2)
  })

  test('the same user retrying from a new session gets the replay; another body is still a 409', async ({ client, assert }) => {
    const { alice, registerId } = ctx
    await openRegister(client, alice.token, registerId)
    const body = { caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements: CASH }
    const first = await send(client, alice.token, '/api/v1/sales', body)
    first.assertStatus(201)
    const relogged = await newSessionOf(alice)
    const retried = await send(client, relogged, '/api/v1/sales', body)
    retried.assertStatus(200)
    retried.assertHeader('idempotent-replayed', 'true')
    assert.equal(retried.body().id, first.body().id)
    const other = await send(client, relogged, '/api/v1/sales', { ...body, lignes: [{ code: 'ALI001', quantite: 1 }] })
    other.assertStatus(409)
    assert.containsSubset(other.body(), { error_code: 'IDEMPOTENCY_CONFLICT', details: { idempotency_key: KEY, sale_id: first.body().id } })
    assert.lengthOf(await rowsWithKey('sales'), 1)
  })

  test('returns: two users with one key each take their own goods back; a new session replays', async ({ client, assert }) => {
    const { alice, bruno, registerId } = ctx
    await openRegister(client, alice.token, registerId)
    const sale = (await send(client, alice.token, '/api/v1/sales', { caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements: CASH }, 'sale-for-returns')).body()
    const [pain, jus] = sale.lignes
    const path = `/api/v1/sales/${sale.id}/returns`
    const byAlice = { lignes: [{ ligne_id: pain.id, quantite: 1 }], motif: 'Pain rassis' }
    const first = await send(client, alice.token, path, byAlice)
    first.assertStatus(201)
    const second = await send(client, bruno.token, path, { lignes: [{ ligne_id: jus.id, quantite: 1 }], motif: 'Jus ouvert' })
    second.assertStatus(201)
    assert.notEqual(second.body().id, first.body().id)

    const retried = await send(client, await newSessionOf(alice), path, byAlice)
    retried.assertStatus(200)
    assert.equal(retried.body().id, first.body().id)
    assert.deepEqual(
      (await rowsWithKey('returns')).map((row) => row.idempotency_scope),
      [`user:${alice.user.id}`, `user:${bruno.user.id}`]
    )
  })

  test('replenishment requests: two users with one key each make their own request', async ({ client, assert }) => {
    const { alice, bruno } = ctx
    const first = await send(client, alice.token, '/api/v1/replenishments', { magasin_id: 1, produit_id: 2, quantite: 30 })
    first.assertStatus(201)
    const second = await send(client, bruno.token, '/api/v1/replenishments', { magasin_id: 1, produit_id: 3, quantite: 12 })
    second.assertStatus(201)
    assert.notEqual(second.body().id, first.body().id)
    const retried = await send(client, await newSessionOf(alice), '/api/v1/replenishments', { magasin_id: 1, produit_id: 2, quantite: 30 })
    retried.assertStatus(200)
    assert.equal(retried.body().id, first.body().id)
    assert.lengthOf(await rowsWithKey('replenishment_requests'), 2)
  })

  test('writes kept in idempotent_writes (stock adjustments): per caller too', async ({ client, assert }) => {
    const [anne, marc] = [await signedIn('manager'), await signedIn('manager')]
    const adjustment = (quantite: number) => ({ magasin_id: 1, produit_id: 1, quantite, motif: 'Casse' })
    const first = await send(client, anne.token, '/api/v1/stock/adjustments', adjustment(-1))
    first.assertStatus(201)
    const second = await send(client, marc.token, '/api/v1/stock/adjustments', adjustment(-2))
    second.assertStatus(201)
    assert.notEqual(second.body().id, first.body().id)
    const retried = await send(client, await newSessionOf(anne), '/api/v1/stock/adjustments', adjustment(-1))
    retried.assertStatus(200)
    assert.deepEqual(retried.body(), first.body())
    const keys = await db.from('idempotent_writes').where('idempotency_key', KEY).orderBy('id').select('idempotency_scope')
    assert.deepEqual(
      keys.map((row) => row.idempotency_scope),
      [`user:${anne.user.id}`, `user:${marc.user.id}`]
    )
  })
})
