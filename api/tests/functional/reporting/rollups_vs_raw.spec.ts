import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { resetDatabase } from '#tests/helpers/database'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * The reports read only the rollups. This proves them against the raw
 * sales: a generated history (demo:generate commits through its own
 * connection, so this group runs outside the rolled-back transaction and
 * resets the database when it is done), then for several periods and a
 * store filter, every figure of global-summary, stores/performance and
 * top-products recomputed in plain SQL from sales, sale_lines, returns and
 * return_lines — independently of the application's code.
 */

const zone = BUSINESS_TIMEZONE.replace(/'/g, '')
const dayOf = (column: string) => `(${column} AT TIME ZONE '${zone}')::date`

interface Period {
  from: string | null
  to: string | null
  store: number | null
}

/** Conditions on the business day of `column` and on s.store_id; bindings in order. */
function where(column: string, p: Period) {
  const sql = [
    p.from ? `${dayOf(column)} >= ?::date` : 'TRUE',
    p.to ? `${dayOf(column)} <= ?::date` : 'TRUE',
    p.store ? 's.store_id = ?' : 'TRUE',
  ].join(' AND ')
  return { sql, bindings: [p.from, p.to, p.store].filter((v) => v !== null) }
}

const money = (cents: number | string) => {
  const value = Number(cents)
  return `${value < 0 ? '-' : ''}${(Math.abs(value) / 100).toFixed(2)}`
}

/** Per store (or per product) raw figures; `key` is s.store_id or l.product_id. */
async function raw(key: 's.store_id' | 'l.product_id', p: Period) {
  const sold = where('s.created_at', p)
  const returned = where('r.created_at', p)
  const result = await db.rawQuery(
    `WITH sold AS (
       SELECT ${key} AS k, count(DISTINCT s.id) AS orders, sum(l.quantity) AS quantity, sum(l.line_total_cents) AS gross
         FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ${sold.sql} GROUP BY 1),
     back AS (
       SELECT ${key} AS k, count(DISTINCT r.id) AS returns, sum(rl.quantity) AS quantity, sum(rl.subtotal_cents) AS refunds
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN sale_lines l ON l.id = rl.sale_line_id
         JOIN sales s ON s.id = r.sale_id WHERE ${returned.sql} GROUP BY 1)
     SELECT COALESCE(sold.k, back.k) AS k, COALESCE(sold.orders, 0)::int AS orders,
            (COALESCE(sold.quantity, 0) - COALESCE(back.quantity, 0))::int AS net_quantity,
            COALESCE(back.quantity, 0)::int AS returned, COALESCE(sold.gross, 0)::bigint AS gross,
            COALESCE(back.refunds, 0)::bigint AS refunds
       FROM sold FULL JOIN back ON back.k = sold.k`,
    [...sold.bindings, ...returned.bindings]
  )
  return new Map<number, { orders: number; netQuantity: number; returned: number; gross: number; refunds: number }>(
    result.rows.map((r: Record<string, string | number>) => [
      Number(r.k),
      { orders: Number(r.orders), netQuantity: Number(r.net_quantity), returned: Number(r.returned), gross: Number(r.gross), refunds: Number(r.refunds) },
    ])
  )
}

/** Integer division rounded half away from zero, done by PostgreSQL's numeric round(). */
async function halfUp(numerator: number, denominator: number) {
  if (denominator === 0) return 0
  const result = await db.rawQuery('SELECT round(?::numeric / ?::numeric)::bigint AS v', [numerator, denominator])
  return Number(result.rows[0].v)
}

function query(p: Period, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams()
  if (p.from) params.set('start_date', p.from)
  if (p.to) params.set('date_fin', p.to)
  if (p.store) params.set('magasin_id', String(p.store))
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v))
  return params.toString()
}

test.group('Reports: rollup figures equal figures computed from the raw sales (commits; reset afterwards)', (group) => {
  let token: string
  let periods: Period[]

  group.setup(async () => {
    await resetDatabase()
    const stores = await db.from('stores').select('id').orderBy('id')
    await db.table('users').multiInsert([
      { username: 'rollup-manager', email: 'rollup-manager@test.local', full_name: 'Gérant', password: 'x', role: 'manager' },
      ...stores.map((s) => ({ username: `rollup-clerk-${s.id}`, email: `rollup-clerk-${s.id}@test.local`, full_name: 'Caissier', password: 'x', role: 'clerk', store_id: s.id })),
    ])
    ace.ui.switchMode('raw')
    const generated = await ace.exec('demo:generate', ['--days', '10', '--sales-per-day', '20', '--seed', '5'])
    if (generated.exitCode !== 0) throw generated.error ?? new Error('demo:generate failed')
    token = await tokenWith(['reports'])
    const span = await db.rawQuery(`SELECT min(${dayOf('created_at')})::text AS first, max(${dayOf('created_at')})::text AS last FROM sales`)
    const { first, last } = span.rows[0]
    const third = (await db.rawQuery(`SELECT (?::date + 2)::text AS d`, [first])).rows[0].d
    const seventh = (await db.rawQuery(`SELECT (?::date + 6)::text AS d`, [first])).rows[0].d
    periods = [
      { from: null, to: null, store: null },
      { from: third, to: seventh, store: null },
      { from: seventh, to: seventh, store: null },
      { from: first, to: last, store: 2 },
      { from: third, to: null, store: 4 },
    ]
  })
  group.teardown(() => resetDatabase())

  const get = (client: ApiClient, path: string) => client.get(`/api/v1/reports${path}`).header('x-api-token', token)

  test('the generated history has sales and returns to compare', async ({ assert }) => {
    const counts = await db.rawQuery('SELECT (SELECT count(*) FROM sales)::int AS sales, (SELECT count(*) FROM returns)::int AS returns')
    assert.isAbove(counts.rows[0].sales, 500)
    assert.isAbove(counts.rows[0].returns, 0)
  })

  test('global-summary', async ({ client, assert }) => {
    for (const p of periods) {
      const perStore = await raw('s.store_id', p)
      const sales = await db.rawQuery(`SELECT count(*)::int AS n FROM sales s WHERE ${where('s.created_at', p).sql}`, where('s.created_at', p).bindings)
      const salesCount = sales.rows[0].n
      const gross = [...perStore.values()].reduce((sum, r) => sum + r.gross, 0)
      const refunds = [...perStore.values()].reduce((sum, r) => sum + r.refunds, 0)
      const response = await get(client, `/global-summary?${query(p)}`)
      assert.deepEqual(response.body(), {
        total_revenue: money(gross - refunds),
        total_sales_count: salesCount,
        average_ticket: money(await halfUp(gross - refunds, salesCount)),
        gross_revenue: money(gross),
        refunds: money(refunds),
      }, JSON.stringify(p))
    }
  })

  test('stores/performance (every store, in order)', async ({ client, assert }) => {
    const stores = await db.from('stores').select('id', 'name').orderBy('id')
    for (const p of periods.filter((period) => period.store === null)) {
      const perStore = await raw('s.store_id', p)
      const counts = await db.rawQuery(
        `SELECT s.store_id, count(*)::int AS n FROM sales s WHERE ${where('s.created_at', p).sql} GROUP BY 1`,
        where('s.created_at', p).bindings
      )
      const salesCount = new Map<number, number>(counts.rows.map((r: { store_id: number; n: number }) => [Number(r.store_id), r.n]))
      const expected = []
      for (const store of stores) {
        const f = perStore.get(store.id) ?? { gross: 0, refunds: 0 }
        const n = salesCount.get(store.id) ?? 0
        const net = f.gross - f.refunds
        const rating = net >= 1_000_000 ? 'Excellent' : net >= 500_000 ? 'Good' : net >= 100_000 ? 'Average' : 'Poor'
        expected.push({ store_id: store.id, store_name: store.name, sales_count: n, revenue: money(net), average_ticket: money(await halfUp(net, n)), performance_rating: rating, gross_revenue: money(f.gross), refunds: money(f.refunds), net })
      }
      expected.sort((a, b) => Number(b.sales_count > 0) - Number(a.sales_count > 0) || b.net - a.net || a.store_id - b.store_id)
      const response = await get(client, `/stores/performance?${query(p, { limit: 50 })}`)
      assert.deepEqual(response.body(), expected.map(({ net: _, ...row }) => row), JSON.stringify(p))
    }
  })

  test('top-products (every product, in order)', async ({ client, assert }) => {
    const products = await db.from('products').select('id', 'code', 'name')
    for (const p of periods) {
      const perProduct = await raw('l.product_id', p)
      const expected = []
      for (const product of products) {
        const f = perProduct.get(product.id) ?? { orders: 0, netQuantity: 0, returned: 0, gross: 0, refunds: 0 }
        const net = f.gross - f.refunds
        expected.push({
          product_id: product.id,
          product_code: product.code,
          product_name: product.name,
          total_quantity_sold: f.netQuantity,
          total_revenue: money(net),
          total_orders: f.orders,
          average_quantity_per_order: money(await halfUp(f.netQuantity * 100, f.orders)),
          average_revenue_per_order: money(await halfUp(net, f.orders)),
          quantity_returned: f.returned,
          gross_revenue: money(f.gross),
          refunds: money(f.refunds),
          net,
        })
      }
      expected.sort((a, b) => Number(b.total_orders > 0) - Number(a.total_orders > 0) || b.net - a.net || a.product_id - b.product_id)
      const response = await get(client, `/top-products?${query(p, { limit: 50 })}`)
      assert.deepEqual(response.body(), expected.map(({ net: _, ...row }) => row), JSON.stringify(p))
    }
  })
})
