import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'
import { signedIn } from '#tests/helpers/actors'
import { sessionTokenFor } from '#tests/helpers/role_tokens'
import { REPORT_ROUTES, call, knownSales } from './helpers.js'

test.group('Reports: authentication and store scoping', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every report route needs a token (the original left 6 of them open)', async ({ client, assert }) => {
    for (const route of REPORT_ROUTES) {
      const response = await call(client, route)
      assert.equal(response.status(), 401, route.path)
      assert.equal(response.body().error_code, 'AUTHENTICATION_ERROR', route.path)
    }
  })

  test('every report route needs the reports scope', async ({ client, assert }) => {
    const readOnly = await tokenWith(['read', 'write'])
    for (const route of REPORT_ROUTES) {
      const response = await call(client, route, readOnly)
      assert.equal(response.status(), 403, route.path)
      assert.deepEqual(response.body().details.missing_scopes, ['reports'], route.path)
    }
  })

  test('an integration token with reports, a manager and an admin get every report', async ({ client, assert }) => {
    const tokens = [await tokenWith(['reports']), (await signedIn('manager')).token, (await signedIn('admin')).token]
    for (const token of tokens) {
      for (const route of REPORT_ROUTES) {
        const response = await call(client, route, token)
        assert.equal(response.status(), 200, `${route.path}: ${response.text()}`)
      }
    }
  })

  test('a clerk session has no reports scope: 403', async ({ client, assert }) => {
    const clerk = await signedIn('clerk', 1)
    const response = await client.get('/api/v1/reports/global-summary').header('authorization', `Bearer ${clerk.token}`)
    response.assertStatus(403)
    assert.equal(response.body().error_code, 'AUTHORIZATION_ERROR')
  })

  test('a clerk session given the reports scope sees its own store only', async ({ client, assert }) => {
    await knownSales(client)
    const { token } = await sessionTokenFor('clerk', { storeId: 2, scopes: ['read', 'reports'] })
    const get = (path: string) => client.get(`/api/v1/reports${path}`).header('x-api-token', token)

    const summary = await get('/global-summary')
    assert.containsSubset(summary.body(), { total_revenue: '8.20', total_sales_count: 1 })
    const own = await get('/global-summary?magasin_id=2')
    assert.equal(own.body().total_revenue, '8.20')

    const stores = (await get('/store-performances')).body()
    assert.deepEqual(stores.map((s: { store_id: number }) => s.store_id), [2])
    assert.deepEqual((await get('/top-stores')).body().map((s: { store_id: number }) => s.store_id), [2])
    assert.equal((await get('/business-insights')).body().total_stores, 1)
    const products = (await get('/top-products?limit=2')).body()
    assert.deepEqual(products.map((p: { product_code: string }) => p.product_code), ['HYG001', 'ALI001'])
    assert.deepEqual((await get('/inventory')).body().emplacements.map((l: { magasin_id: number }) => l.magasin_id), [2])
    assert.isTrue((await get('/inventory-status?low_stock_threshold=1000')).body().low_stock_products.every((l: { store_id: number }) => l.store_id === 2))

    for (const path of ['/global-summary?store_id=1', '/top-products?magasin_id=1', '/stores/1/performance', '/kpis?magasin_id=1', '/sales?store_id=3', '/payments-by-tender?magasin_id=1']) {
      const response = await get(path)
      assert.equal(response.status(), 403, path)
      assert.equal(response.body().error_code, 'AUTHORIZATION_ERROR', path)
    }
    const custom = await client
      .post('/api/v1/reports/custom')
      .header('x-api-token', token)
      .json({ date_debut: '2026-01-01', date_fin: '2026-01-31', magasin_ids: [2, 1] })
    custom.assertStatus(403)
  })

  test('paths answer with a trailing slash too, without a redirect', async ({ client, assert }) => {
    const token = await tokenWith(['reports'])
    const response = await client.get('/api/v1/reports/global-summary/').header('x-api-token', token).redirects(0)
    response.assertStatus(200)
    assert.property(response.body(), 'total_revenue')
  })
})
