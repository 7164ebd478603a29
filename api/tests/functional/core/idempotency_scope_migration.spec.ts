import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ScopeIdempotencyKeys from '#database/migrations/0019_scope_idempotency_keys'
import { signedIn } from '#tests/helpers/actors'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { openRegister, registersOf } from '#tests/helpers/pos'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * Migration 0019 on a database that already holds keyed rows: each row takes
 * its creator's scope (or `legacy` when none is known), so the person who
 * sent a key before the upgrade still gets their replay after it. Run down
 * and up again inside the test's transaction (PostgreSQL DDL is transactional).
 */

const SALE = { lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] }

test.group('Migration 0019 (Idempotency-Key scopes) on existing rows', (group) => {
  const ctx = eachTestRolledBack(group, async () => ({ clerk: await signedIn('clerk', 1), registerId: (await registersOf(1))[0] }))

  test('backfills the scope from the creator; a retry after the upgrade still replays', async ({ client, assert }) => {
    const { clerk, registerId } = ctx
    const integration = await tokenWith(['read', 'write'])
    await openRegister(client, clerk.token, registerId)
    const sell = (token: string, key: string) =>
      client.post('/api/v1/sales').header('x-api-token', token).header('idempotency-key', key).json({ caisse_id: registerId, ...SALE })
    const byClerk = await sell(clerk.token, 'before-upgrade-1')
    byClerk.assertStatus(201)
    ;(await sell(integration, 'before-upgrade-2')).assertStatus(201)
    const request = await client
      .post('/api/v1/replenishments')
      .header('x-api-token', clerk.token)
      .header('idempotency-key', 'before-upgrade-3')
      .json({ magasin_id: 1, produit_id: 2, quantite: 5 })
    request.assertStatus(201)

    const migration = new ScopeIdempotencyKeys(db.connection(), '0019_scope_idempotency_keys', false)
    await migration.execDown()
    const columns = await db.from('information_schema.columns').where({ table_name: 'sales', column_name: 'idempotency_scope' })
    assert.lengthOf(columns, 0)
    await new ScopeIdempotencyKeys(db.connection(), '0019_scope_idempotency_keys', false).execUp()

    const scopes = await db.from('sales').whereIn('idempotency_key', ['before-upgrade-1', 'before-upgrade-2']).orderBy('idempotency_key').select('idempotency_scope')
    assert.deepEqual(
      scopes.map((row) => row.idempotency_scope),
      [`user:${clerk.user.id}`, 'legacy']
    )
    const requested = await db.from('replenishment_requests').where('idempotency_key', 'before-upgrade-3').firstOrFail()
    assert.equal(requested.idempotency_scope, `user:${clerk.user.id}`)

    // The clerk's retry across the upgrade replays; the integration's, whose token was never kept, writes afresh.
    const retried = await sell(clerk.token, 'before-upgrade-1')
    retried.assertStatus(200)
    assert.equal(retried.body().id, byClerk.body().id)
    ;(await sell(integration, 'before-upgrade-2')).assertStatus(201)
  })
})
