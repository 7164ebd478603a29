import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { locationOfStore, setLevel } from '#tests/helpers/database'
import { openRegister, productId, registersOf } from '#tests/helpers/pos'
import { waitUntil } from '#tests/helpers/waiting'
import { dayBefore, knownSales, sell, today } from './helpers.js'

test.group('Reports: summary, stores and products (known sales)', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })

  const get = (client: ApiClient, path: string) =>
    client.get(`/api/v1/reports${path}`).header('x-api-token', token)

  test('global-summary: net revenue, sales count and a half-up average ticket', async ({ client, assert }) => {
    await knownSales(client)
    const all = await get(client, '/global-summary')
    all.assertStatus(200)
    assert.deepEqual(all.body(), {
      total_revenue: '14.15',
      total_sales_count: 3,
      average_ticket: '4.72',
      gross_revenue: '15.35',
      refunds: '1.20',
    })
    const store1 = await get(client, '/global-summary?magasin_id=1')
    assert.deepEqual(store1.body(), {
      total_revenue: '5.95',
      total_sales_count: 2,
      average_ticket: '2.98',
      gross_revenue: '7.15',
      refunds: '1.20',
    })
  })

  test('date filters are honoured, in both spellings', async ({ client, assert }) => {
    await knownSales(client)
    const yesterday = dayBefore(today())
    for (const query of [`start_date=${yesterday}&end_date=${yesterday}`, `date_debut=${yesterday}&date_fin=${yesterday}`]) {
      const before = await get(client, `/global-summary?${query}`)
      assert.deepEqual(before.body(), { total_revenue: '0.00', total_sales_count: 0, average_ticket: '0.00', gross_revenue: '0.00', refunds: '0.00' })
    }
    const sinceToday = await get(client, `/global-summary?date_debut=${today()}`)
    assert.equal(sinceToday.body().total_revenue, '14.15')
    const products = await get(client, `/top-products?end_date=${yesterday}`)
    assert.isTrue(products.body().every((p: { total_orders: number }) => p.total_orders === 0))
  })

  test('reports read the rollups: a past day that only exists in them is counted, in its range only', async ({ client, assert }) => {
    // No sale row backs these figures: if a report scanned sales or sale_lines it would miss them.
    const [registerId] = await registersOf(3)
    const day = '2026-01-15'
    await db.table('daily_register_rollups').insert({ day, register_id: registerId, store_id: 3, sales_count: 4, subtotal_cents: 1_000_050, tax_cents: 0, total_cents: 1_000_050 })
    await db.table('daily_sales_rollups').insert({ day, store_id: 3, product_id: await productId('MEN002'), quantity_sold: 7, revenue_cents: 1_000_050, sale_count: 4 })
    const january = await get(client, '/stores/3/performance?start_date=2026-01-01&end_date=2026-01-31')
    assert.deepEqual(january.body(), {
      store_id: 3,
      store_name: 'Magasin Nord',
      sales_count: 4,
      revenue: '10000.50',
      average_ticket: '2500.13',
      performance_rating: 'Excellent',
      gross_revenue: '10000.50',
      refunds: '0.00',
    })
    const february = await get(client, '/stores/3/performance?start_date=2026-02-01&end_date=2026-02-28')
    assert.equal(february.body().sales_count, 0)
    assert.equal(february.body().performance_rating, 'Poor')
    const [top] = (await get(client, '/top-products?start_date=2026-01-15&end_date=2026-01-15')).body()
    assert.containsSubset(top, { product_code: 'MEN002', total_quantity_sold: 7, total_orders: 4, average_quantity_per_order: '1.75' })
  })

  test('store lists: best first, stores without sales last in id order', async ({ client, assert }) => {
    await knownSales(client)
    const stores = (await get(client, '/store-performances')).body()
    assert.deepEqual(stores.map((s: { store_id: number }) => s.store_id), [2, 1, 3, 4, 5])
    assert.containsSubset(stores[1], { store_name: 'Magasin Centre-Ville', sales_count: 2, revenue: '5.95', average_ticket: '2.98', performance_rating: 'Poor', refunds: '1.20' })
    assert.containsSubset(stores[2], { sales_count: 0, revenue: '0.00', average_ticket: '0.00' })

    const top = (await get(client, '/top-stores?limit=2')).body()
    assert.deepEqual(top.map((s: { store_id: number }) => s.store_id), [2, 1])
    const ranked = (await get(client, '/stores/performance?limit=3')).body()
    assert.deepEqual(ranked.map((s: { store_id: number }) => s.store_id), [2, 1, 3])
    const one = (await get(client, '/store-performances?store_id=2')).body()
    assert.deepEqual(one.map((s: { store_id: number }) => s.store_id), [2])
  })

  test('underperforming-stores: below a threshold in dollars, lowest first', async ({ client, assert }) => {
    await knownSales(client)
    const below = (await get(client, '/underperforming-stores?threshold=8.20')).body()
    assert.deepEqual(below.map((s: { store_id: number }) => s.store_id), [3, 4, 5, 1])
    const all = (await get(client, '/underperforming-stores')).body()
    assert.lengthOf(all, 5)
    const none = (await get(client, '/underperforming-stores?threshold=0')).body()
    assert.lengthOf(none, 0)
  })

  test('top-products and products-by-revenue: net revenue, unsold products after every sold one', async ({ client, assert }) => {
    await knownSales(client)
    for (const path of ['/top-products?limit=50', '/products-by-revenue?limit=50']) {
      const products = (await get(client, path)).body()
      assert.deepEqual(products.slice(0, 4).map((p: { product_code: string }) => p.product_code), ['HYG001', 'ALI005', 'ALI001', 'BOI002'])
      assert.deepEqual(products.slice(4, 7).map((p: { product_code: string }) => p.product_code), ['ALI002', 'ALI003', 'ALI004'])
      assert.deepEqual(products[2], {
        product_id: await productId('ALI001'),
        product_code: 'ALI001',
        product_name: 'Pain',
        total_quantity_sold: 2,
        total_revenue: '2.40',
        total_orders: 2,
        average_quantity_per_order: '1.00',
        average_revenue_per_order: '1.20',
        quantity_returned: 1,
        gross_revenue: '3.60',
        refunds: '1.20',
      })
    }
    assert.lengthOf((await get(client, '/top-products')).body(), 10)
    const store2 = (await get(client, '/top-products?store_id=2&limit=2')).body()
    assert.deepEqual(store2.map((p: { product_code: string }) => p.product_code), ['HYG001', 'ALI001'])
  })

  test('products-by-volume: net units, ties by net revenue', async ({ client, assert }) => {
    await knownSales(client)
    const products = (await get(client, '/products-by-volume?limit=5')).body()
    assert.deepEqual(products.map((p: { product_code: string; total_quantity_sold: number }) => [p.product_code, p.total_quantity_sold]), [
      ['ALI005', 3],
      ['HYG001', 2],
      ['ALI001', 2],
      ['BOI002', 1],
      ['ALI002', 0],
    ])
  })

  test('business-insights and stores/{id}/performance', async ({ client, assert }) => {
    await knownSales(client)
    const insights = (await get(client, '/business-insights')).body()
    assert.containsSubset(insights, {
      global_summary: { total_revenue: '14.15', total_sales_count: 3 },
      total_stores: 5,
      active_stores: 2,
      store_activation_rate: 40,
      best_performing_store: { store_id: 2, revenue: '8.20' },
      average_store_revenue: '2.83',
    })
    const empty = (await get(client, `/business-insights?end_date=${dayBefore(today())}`)).body()
    assert.isNull(empty.best_performing_store)
    assert.equal(empty.store_activation_rate, 0)

    const store = await get(client, '/stores/1/performance')
    assert.containsSubset(store.body(), { store_id: 1, revenue: '5.95', sales_count: 2 })
    const missing = await get(client, '/stores/999/performance')
    missing.assertStatus(404)
    assert.equal(missing.body().message, 'Store with identifier 999 not found')
  })

  test('performance_rating uses the original thresholds on net revenue in dollars', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 4)
    const [registerId] = await registersOf(4)
    await openRegister(client, clerk.token, registerId)
    await setLevel(await locationOfStore(4), await productId('HYG001'), 600)
    await sell(client, clerk.token, registerId, [{ code: 'HYG001', quantite: 285 }], '1200.00') // 997.50
    let store = (await get(client, '/stores/4/performance')).body()
    assert.deepEqual([store.revenue, store.performance_rating], ['997.50', 'Poor'])
    await sell(client, clerk.token, registerId, [{ code: 'HYG001', quantite: 1 }], '10.00') // 1001.00
    // Reports are cached; a burst of sales invalidates them after a short debounce (core/cache.ts): polled, not slept.
    const seen = await waitUntil(async () => {
      store = (await get(client, '/stores/4/performance')).body()
      return store.revenue === '1001.00'
    }, 5_000)
    assert.isNotNull(seen, `the report kept ${store.revenue} after the sale`)
    assert.deepEqual([store.revenue, store.performance_rating], ['1001.00', 'Average'])
  })

  test('unknown stores are a 404, in both spellings', async ({ client, assert }) => {
    for (const path of ['/global-summary?store_id=999', '/top-products?magasin_id=999', '/sales-by-period?period=daily&store_id=999']) {
      const response = await get(client, path)
      response.assertStatus(404)
      assert.equal(response.body().error_code, 'NOT_FOUND')
    }
  })
})
