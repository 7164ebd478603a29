import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { resetDatabase } from '#tests/helpers/database'

/*
 * demo:generate writes through its own connection and commits, so these
 * tests can not run inside a rolled-back transaction: the group empties the
 * database and puts the reference data back when it is done.
 */

async function run(name: string, args: string[]) {
  ace.ui.switchMode('raw')
  const command = await ace.exec(name, args)
  const output = command.ui.logger
    .getLogs()
    .map((log) => log.message)
    .join('\n')
  return { exitCode: command.exitCode, output }
}

async function count(table: string): Promise<number> {
  const row = await db.from(table).count('* as total').first()
  return Number(row.total)
}

async function stockLevels(): Promise<Record<string, number>> {
  const rows = await db.from('stock_levels').select('location_id', 'product_id', 'quantity')
  return Object.fromEntries(rows.map((r) => [`${r.location_id}|${r.product_id}`, Number(r.quantity)]))
}

/** The reference seed has no users; the history needs a clerk per store and a manager. */
async function createStaff() {
  const stores = await db.from('stores').select('id').orderBy('id')
  await db.table('users').multiInsert([
    { username: 'demo-admin', email: 'demo-admin@test.local', full_name: 'Admin', password: 'x', role: 'admin' },
    { username: 'demo-manager', email: 'demo-manager@test.local', full_name: 'Gérant', password: 'x', role: 'manager' },
    ...stores.map((store) => ({
      username: `demo-clerk-${store.id}`,
      email: `demo-clerk-${store.id}@test.local`,
      full_name: 'Caissier',
      password: 'x',
      role: 'clerk',
      store_id: store.id,
    })),
  ])
}

/*
 * A fixed week (the day after its last, as --end-date takes it): with the seed, the history is
 * the same whatever day the suite runs. Ending "yesterday", a week with few sales on some days
 * had no return at all, and the test that corrupts a refund had nothing to corrupt.
 */
const WEEK_END = '2026-12-06'

test.group('demo:generate and stock:verify (commits; database reset afterwards)', (group) => {
  group.setup(async () => {
    await resetDatabase()
    await createStaff()
  })
  group.teardown(() => resetDatabase())

  test('a dry run writes nothing', async ({ assert }) => {
    const before = await stockLevels()
    const { exitCode, output } = await run('demo:generate', ['--days', '7', '--lines', '300', '--dry-run'])
    assert.equal(exitCode, 0)
    assert.include(output, 'Dry run')
    assert.equal(await count('sales'), 0)
    assert.deepEqual(await stockLevels(), before)
  })

  test('writes a consistent week of history that stock:verify accepts', async ({ assert }) => {
    const before = await stockLevels()
    const generated = await run('demo:generate', ['--days', '7', '--lines', '300', '--seed', '7', '--end-date', WEEK_END])
    assert.equal(generated.exitCode, 0, generated.output)

    const lines = await count('sale_lines')
    assert.isTrue(lines > 200 && lines < 400, `${lines} sale lines for a target of 300`)
    assert.isAbove(await count('sales'), 0)
    assert.isAbove(await count('daily_sales_rollups'), 0)
    assert.isAbove(await count('daily_register_rollups'), 0)
    assert.isAbove(await count('register_sessions'), 0)
    assert.isAbove(await count('replenishment_requests'), 0)
    assert.isAbove(await count('return_refunds'), 0, 'returns with their refund parts')
    const after = await stockLevels()
    assert.notDeepEqual(after, before)

    const lastSale = await db.from('sales').max('created_at as at').first()
    assert.isBelow(new Date(lastSale.at).getTime(), Date.now())
    const orphans = await db.from('sales').whereNull('register_session_id').count('* as total').first()
    assert.equal(Number(orphans.total), 0)

    const verified = await run('stock:verify', [])
    assert.equal(verified.exitCode, 0, verified.output)
    assert.notInclude(verified.output, '✗')
  })

  test('refuses a period that overlaps existing sales, and changes nothing', async ({ assert }) => {
    const sales = await count('sales')
    const levels = await stockLevels()
    const again = await run('demo:generate', ['--days', '7', '--lines', '300', '--end-date', WEEK_END])
    assert.equal(again.exitCode, 1)
    assert.include(again.output, 'already exist')
    assert.equal(await count('sales'), sales)
    assert.deepEqual(await stockLevels(), levels)
  })

  test('refuses an end date in the future', async ({ assert }) => {
    const { exitCode, output } = await run('demo:generate', ['--days', '7', '--end-date', '2999-01-01'])
    assert.equal(exitCode, 1)
    assert.include(output, 'future')
  })

  test('an earlier period appends to the history and rollups stay right', async ({ assert }) => {
    const sales = await count('sales')
    const first = await db.from('sales').min('created_at as at').first()
    const endDate = new Date(new Date(first.at).getTime() - 3 * 86_400_000).toISOString().slice(0, 10)
    const generated = await run('demo:generate', ['--days', '3', '--sales-per-day', '4', '--end-date', endDate])
    assert.equal(generated.exitCode, 0, generated.output)
    assert.isAbove(await count('sales'), sales)
    const verified = await run('stock:verify', [])
    assert.equal(verified.exitCode, 0, verified.output)
  })

  test('stock:verify fails on a stock level that no longer matches its ledger', async ({ assert }) => {
    const corrupt = 'UPDATE stock_levels SET quantity = quantity + ? WHERE id = (SELECT min(id) FROM stock_levels)'
    await db.rawQuery(corrupt, [1])
    const verified = await run('stock:verify', [])
    await db.rawQuery(corrupt, [-1])
    assert.equal(verified.exitCode, 1)
    // Raw mode prints colours as red(✗).
    assert.match(verified.output, /✗\)? \(a\)[^\n]*: 1 mismatching key/)
    assert.equal((await run('stock:verify', [])).exitCode, 0)
  })

  test('stock:verify fails on a rollup that no longer matches its sales', async ({ assert }) => {
    const corrupt = 'UPDATE daily_sales_rollups SET revenue_cents = revenue_cents + ? WHERE id = (SELECT min(id) FROM daily_sales_rollups)'
    await db.rawQuery(corrupt, [1])
    const verified = await run('stock:verify', [])
    await db.rawQuery(corrupt, [-1])
    assert.equal(verified.exitCode, 1)
    assert.match(verified.output, /✗\)? \(c\)[^\n]*: 1 mismatching key/)
    assert.notMatch(verified.output, /✗\)? \(a\)/)
  })

  test('stock:verify fails on a tender rollup that no longer matches the payments', async ({ assert }) => {
    const methods = await db.from('daily_tender_rollups').distinct('method').orderBy('method')
    assert.deepEqual(methods.map((row) => row.method), ['card', 'cash'], 'the demo history is paid in cash and by card')
    const corrupt = 'UPDATE daily_tender_rollups SET taken_cents = taken_cents + ? WHERE id = (SELECT min(id) FROM daily_tender_rollups)'
    await db.rawQuery(corrupt, [1])
    const verified = await run('stock:verify', [])
    await db.rawQuery(corrupt, [-1])
    assert.equal(verified.exitCode, 1)
    assert.match(verified.output, /✗\)? \(j\)[^\n]*: 1 mismatching key/)
    assert.notMatch(verified.output, /✗\)? \(d\)/)
  })

  test('stock:verify fails on a return whose refund parts no longer add up to it', async ({ assert }) => {
    assert.isAbove(await count('return_refunds'), 0, 'the demo history has split or single-tender refund parts')
    await db.rawQuery("INSERT INTO return_refunds (return_id, method, amount_cents) SELECT min(id), 'other', 1 FROM returns")
    const verified = await run('stock:verify', [])
    await db.from('return_refunds').where('method', 'other').delete()
    assert.equal(verified.exitCode, 1)
    assert.match(verified.output, /✗\)? \(i\)[^\n]*: 1 mismatching key/)
  })

  test('stock:verify fails on a cash rounding the nickel rule does not allow', async ({ assert }) => {
    // A cash sale whose due rounded up by 2 ¢: kept 1 ¢ less than its total instead (the ±2 ¢ constraint allows it, the rule not).
    const sale = await db
      .from('sales')
      .where('cash_rounding_cents', 2)
      .whereNotExists((query) => query.from('returns').whereRaw('returns.sale_id = sales.id'))
      .select('id')
      .first()
    assert.exists(sale, 'the demo history has cash sales rounded up')
    const corrupt = 'UPDATE sales SET change_cents = change_cents + ? WHERE id = ?'
    await db.rawQuery(corrupt, [3, sale.id])
    const verified = await run('stock:verify', [])
    await db.rawQuery(corrupt, [-3, sale.id])
    assert.equal(verified.exitCode, 1)
    assert.match(verified.output, /✗\)? \(e\)[^\n]*: 1 mismatching key/)
  })

  test('stock:verify fails on a return that handed back other cash than its sale’s running total gives', async ({ assert }) => {
    const part = await db.from('return_refunds').where('method', 'cash').select('id', 'return_id').first()
    assert.exists(part, 'the demo history has cash refunds')
    // Its parts still add up to its total and rounding (check i): only what the drawer handed back is off.
    const corrupt = async (cents: number) => {
      await db.rawQuery('UPDATE return_refunds SET amount_cents = amount_cents + ? WHERE id = ?', [cents, part.id])
      await db.rawQuery('UPDATE returns SET cash_rounding_cents = cash_rounding_cents + ? WHERE id = ?', [cents, part.return_id])
    }
    await corrupt(5)
    const verified = await run('stock:verify', [])
    await corrupt(-5)
    assert.equal(verified.exitCode, 1)
    assert.match(verified.output, /✗\)? \(k\)[^\n]*: 1 mismatching key/)
    assert.notMatch(verified.output, /✗\)? \(i\)/)
    const after = await run('stock:verify', [])
    assert.equal(after.exitCode, 0, after.output)
  })
})
