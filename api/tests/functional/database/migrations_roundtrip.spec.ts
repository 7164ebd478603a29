import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { PostgreConfig } from '@adonisjs/lucid/types/database'
import pg from 'pg'
import { runCommand } from '#tests/helpers/ace_command'

/*
 * Every migration can be undone and done again: an upgrade that must be rolled back on a store's
 * server runs each down() for real. On a database of its own, so the suite's data is untouched.
 */
const SCRATCH = 'comptoir_migrations_roundtrip'

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Tables, columns with their types and nullability, indexes and constraints: what a migration shapes. */
async function schemaOf(connection: string) {
  const client = db.connection(connection)
  const columns = await client.rawQuery(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, column_name`
  )
  const indexes = await client.rawQuery(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`)
  const constraints = await client.rawQuery(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conname`
  )
  const functions = await client.rawQuery(
    // Our functions, not those of the extensions (pg_trgm, unaccent), which a rollback leaves installed.
    `SELECT proname, md5(prosrc) AS body FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY proname, body`
  )
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, functions: functions.rows }
}

test.group('Migrations', (group) => {
  group.setup(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${SCRATCH}`)
    await adminQuery(`CREATE DATABASE ${SCRATCH}`)
    const url = new URL(process.env.DATABASE_URL!)
    url.pathname = `/${SCRATCH}`
    const primary = db.manager.get('pg')!.config as PostgreConfig
    db.manager.add(SCRATCH, { ...primary, connection: { connectionString: url.toString() }, pool: { min: 0, max: 2 } })
    return async () => {
      await db.manager.close(SCRATCH)
      await adminQuery(`DROP DATABASE IF EXISTS ${SCRATCH}`)
    }
  })

  test('all of them roll back to an empty schema and run again to the same schema', async ({ assert }) => {
    const run = await runCommand('migration:run', [`--connection=${SCRATCH}`, '--force'])
    assert.equal(run.exitCode, 0, run.output)
    const migrated = await schemaOf(SCRATCH)
    assert.isAbove(migrated.columns.length, 100)
    assert.include(migrated.functions.map((f: { proname: string }) => f.proname), 'record_sale')

    const rollback = await runCommand('migration:rollback', [`--connection=${SCRATCH}`, '--batch=0', '--force'])
    assert.equal(rollback.exitCode, 0, rollback.output)
    const left = await schemaOf(SCRATCH)
    const tables = [...new Set(left.columns.map((c: { table_name: string }) => c.table_name))]
    // Lucid's own bookkeeping tables stay; nothing of ours does.
    assert.sameMembers(tables, ['adonis_schema', 'adonis_schema_versions'])
    assert.deepEqual(left.functions.map((f: { proname: string }) => f.proname), [])

    const again = await runCommand('migration:run', [`--connection=${SCRATCH}`, '--force'])
    assert.equal(again.exitCode, 0, again.output)
    assert.deepEqual(await schemaOf(SCRATCH), migrated)
  }).timeout(120_000)

  test('a rollback that would lose data refuses and leaves the schema as it was (0032 and 0031: rounded cash, 0030: cash beyond int4)', async ({ assert }) => {
    const client = db.connection(SCRATCH)
    const rollbackOne = () => runCommand('migration:rollback', [`--connection=${SCRATCH}`, '--step=1', '--force'])
    // The later migrations lose nothing: undone first, so that the next one undone is 0032.
    const later = await client.from('adonis_schema').where('name', '>=', 'database/migrations/0033').count('* as n').first()
    for (let i = 0; i < Number(later?.n); i++) assert.equal((await rollbackOne()).exitCode, 0)
    const [store] = await client.table('stores').insert({ name: 'Magasin test' }).returning('id')
    const [register] = await client.table('registers').insert({ store_id: store.id, number: 1, name: 'Caisse 1' }).returning('id')
    const [user] = await client
      .table('users')
      .insert({ username: 'gerant-test', email: 'gerant@test.invalid', full_name: 'Gérant', password: 'x', role: 'manager' })
      .returning('id')
    await client.table('register_sessions').insert({ register_id: register.id, opened_by: user.id, opening_float_cents: 0, expected_cash_cents: 3_000_000_000 })
    // 5.28 paid 5.30 in cash: rounded to the nickel, which the exact rule of before 0031 refuses (0032 first: its marker).
    await client.table('sales').insert({
      receipt_number: 'S1-R1-00000001',
      store_id: store.id,
      register_id: register.id,
      subtotal_cents: 528,
      tax_cents: 0,
      total_cents: 528,
      paid_cents: 530,
      change_cents: 0,
    })
    const rounded = await schemaOf(SCRATCH)
    const refused = await rollbackOne()
    assert.notEqual(refused.exitCode, 0)
    assert.deepEqual(await schemaOf(SCRATCH), rounded)

    await client.from('sales').delete()
    for (const migration of ['0032', '0031']) {
      const undone = await rollbackOne()
      assert.equal(undone.exitCode, 0, `${migration}: ${undone.output}`)
    }
    const before = await schemaOf(SCRATCH)
    const rollback = await rollbackOne()
    assert.notEqual(rollback.exitCode, 0)
    assert.deepEqual(await schemaOf(SCRATCH), before)
    const kept = await client.from('register_sessions').select('expected_cash_cents').first()
    assert.equal(Number(kept.expected_cash_cents), 3_000_000_000)
  }).timeout(120_000)
})
