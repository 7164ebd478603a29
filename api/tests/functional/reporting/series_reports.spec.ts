import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenWith } from '#tests/helpers/tokens'
import { locationOfStore, setLevel } from '#tests/helpers/database'
import { productId, registersOf } from '#tests/helpers/pos'
import { dayBefore, knownSales, today } from './helpers.js'

/** Rollup rows for past days (the rollups are what reports read), store 3, first register. */
async function pastDays(days: { day: string; sales: number; cents: number; refundCents?: number }[]) {
  const [registerId] = await registersOf(3)
  for (const d of days) {
    await db.table('daily_register_rollups').insert({
      day: d.day,
      register_id: registerId,
      store_id: 3,
      sales_count: d.sales,
      subtotal_cents: d.cents,
      tax_cents: 0,
      total_cents: d.cents,
      returns_count: d.refundCents ? 1 : 0,
      refunded_subtotal_cents: d.refundCents ?? 0,
      refunded_total_cents: d.refundCents ?? 0,
    })
  }
}

test.group('Reports: sales-by-period, revenue-trends, inventory-status', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })
  const get = (client: ApiClient, path: string) => client.get(`/api/v1/reports${path}`).header('x-api-token', token)

  test('sales-by-period daily: every day present, today holds the known sales', async ({ client, assert }) => {
    await knownSales(client)
    const report = (await get(client, '/sales-by-period?period=daily')).body()
    assert.containsSubset(report, { period: 'daily', end_date: today(), start_date: dayBefore(today(), 29), store_id: null })
    assert.lengthOf(report.sales_data, 30)
    assert.deepEqual(report.sales_data[29], {
      period_start: today(),
      period_end: today(),
      sales_count: 3,
      revenue: '14.15',
      gross_revenue: '15.35',
      refunds: '1.20',
      average_ticket: '4.72',
    })
    assert.equal(report.sales_data[0].sales_count, 0)
    assert.deepEqual([report.total_sales, report.total_revenue], [3, '14.15'])
    const store2 = (await get(client, '/sales-by-period?period=daily&magasin_id=2')).body()
    assert.deepEqual([store2.store_id, store2.total_revenue], [2, '8.20'])
  })

  test('sales-by-period weekly and monthly: calendar buckets clipped to the period', async ({ client, assert }) => {
    await pastDays([
      { day: '2026-01-04', sales: 1, cents: 1000 }, // Sunday: week of Dec 29
      { day: '2026-01-05', sales: 2, cents: 2000 }, // Monday
      { day: '2026-01-31', sales: 3, cents: 3000, refundCents: 500 },
      { day: '2026-02-02', sales: 4, cents: 4000 },
    ])
    const weekly = (await get(client, '/sales-by-period?period=weekly&start_date=2026-01-01&end_date=2026-02-03')).body()
    assert.deepEqual(
      weekly.sales_data.map((b: { period_start: string; period_end: string; sales_count: number }) => [b.period_start, b.period_end, b.sales_count]),
      [
        ['2026-01-01', '2026-01-04', 1],
        ['2026-01-05', '2026-01-11', 2],
        ['2026-01-12', '2026-01-18', 0],
        ['2026-01-19', '2026-01-25', 0],
        ['2026-01-26', '2026-02-01', 3],
        ['2026-02-02', '2026-02-03', 4],
      ]
    )
    const monthly = (await get(client, '/sales-by-period?period=monthly&date_debut=2026-01-05&date_fin=2026-02-28')).body()
    assert.deepEqual(
      monthly.sales_data.map((b: { period_start: string; revenue: string; refunds: string }) => [b.period_start, b.revenue, b.refunds]),
      [
        ['2026-01-05', '45.00', '5.00'],
        ['2026-02-01', '40.00', '0.00'],
      ]
    )
    assert.deepEqual([monthly.total_sales, monthly.total_revenue], [9, '85.00'])
  })

  test('revenue-trends: monthly buckets, growth of the last complete month, direction of the fit', async ({ client, assert }) => {
    await pastDays([
      { day: '2026-01-10', sales: 10, cents: 100_000 },
      { day: '2026-02-10', sales: 10, cents: 150_000 },
      { day: '2026-03-10', sales: 10, cents: 200_000 },
      { day: '2026-04-10', sales: 10, cents: 300_000 },
    ])
    const up = (await get(client, '/revenue-trends?start_date=2026-01-01&end_date=2026-04-30')).body()
    assert.deepEqual(up.trends.map((t: { revenue: string }) => t.revenue), ['1000.00', '1500.00', '2000.00', '3000.00'])
    assert.deepEqual(up.trends.map((t: { growth_rate: number | null }) => t.growth_rate), [null, 50, 33.33, 50])
    assert.deepEqual([up.growth_rate, up.trend_direction, up.period, up.months_back], [50, 'increasing', 'monthly', 12])

    // April is cut short: it is not complete, so growth compares March with February.
    const partial = (await get(client, '/revenue-trends?start_date=2026-01-01&end_date=2026-04-15&store_id=3')).body()
    assert.isFalse(partial.trends[3].complete)
    assert.equal(partial.growth_rate, 33.33)

    const down = (await get(client, '/revenue-trends?period=weekly&start_date=2026-03-02&end_date=2026-03-29')).body()
    assert.lengthOf(down.trends, 4)
    assert.equal(down.trend_direction, 'decreasing') // only the second of four weeks sold

    const defaults = (await get(client, '/revenue-trends?months_back=3')).body()
    assert.lengthOf(defaults.trends, 3)
    assert.equal(defaults.end_date, today())
    assert.equal(defaults.trends[0].period_start, defaults.start_date)
  })

  test('inventory-status: out of stock, low against the reorder point or a threshold, value', async ({ assert, client }) => {
    const location = await locationOfStore(5)
    const bread = await productId('ALI001')
    const milk = await productId('ALI002')
    await db.from('stock_levels').where('location_id', location).update({ reorder_point: 10 })
    await db.from('stock_levels').where('location_id', location).whereNotIn('product_id', [bread, milk]).update({ quantity: 50 })
    await setLevel(location, bread, 0)
    await setLevel(location, milk, 4)

    const status = (await get(client, '/inventory-status?store_id=5')).body()
    assert.equal(status.low_stock_threshold, null)
    assert.deepEqual(status.out_of_stock_products.map((p: { product_code: string }) => p.product_code), ['ALI001'])
    assert.deepEqual(status.low_stock_products, [
      {
        product_id: milk,
        product_code: 'ALI002',
        product_name: 'Lait',
        store_id: 5,
        location_name: 'Magasin Express',
        quantity: 4,
        reorder_point: 10,
        status: 'critique',
        unit_price: '1.10',
        stock_value: '4.40',
      },
    ])
    assert.equal(status.total_products, 13)
    const prices = await db.from('products').whereNotIn('id', [bread, milk]).sum('price_cents as total').first()
    assert.equal(status.inventory_value, ((Number(prices.total) * 50 + 440) / 100).toFixed(2))

    const threshold = (await get(client, '/inventory-status?magasin_id=5&low_stock_threshold=50')).body()
    assert.equal(threshold.low_stock_threshold, 50)
    assert.lengthOf(threshold.low_stock_products, 12)
    assert.equal(threshold.low_stock_products[0].product_code, 'ALI002')
  })
})
