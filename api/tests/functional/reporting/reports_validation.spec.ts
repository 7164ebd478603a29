import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { tokenWith } from '#tests/helpers/tokens'
import { REPORT_ROUTES, call, today } from './helpers.js'

/* [path, field named in details.validation_errors] */
const BAD_QUERIES: [string, string][] = [
  ['/sales-by-period?period=invalid', 'period'],
  ['/sales-by-period', 'period'],
  ['/revenue-trends?period=yearly', 'period'],
  ['/revenue-trends?months_back=0', 'months_back'],
  ['/revenue-trends?months_back=37', 'months_back'],
  ['/global-summary?start_date=2026-1-5', 'start_date'],
  ['/global-summary?start_date=2026-02-30', 'start_date'],
  ['/global-summary?date_debut=hier', 'date_debut'],
  ['/global-summary?end_date=2026-13-01', 'end_date'],
  ['/global-summary?start_date=0001-01-01', 'start_date'],
  ['/global-summary?start_date=2026-03-01&end_date=2026-02-28', 'end_date'],
  ['/top-products?date_debut=2026-03-01&date_fin=2026-02-28', 'date_fin'],
  ['/stores/performance?start_date=2020-01-01&end_date=2025-01-01', 'end_date'],
  ['/kpis?date_debut=2015-01-01', 'date_debut'],
  ['/top-stores?limit=0', 'limit'],
  ['/top-stores?limit=21', 'limit'],
  ['/top-products?limit=51', 'limit'],
  ['/products-by-volume?limit=abc', 'limit'],
  ['/stores/performance?limit=2.5', 'limit'],
  ['/underperforming-stores?threshold=-1', 'threshold'],
  ['/underperforming-stores?threshold=1.005', 'threshold'],
  ['/underperforming-stores?threshold=abc', 'threshold'],
  ['/inventory-status?low_stock_threshold=-1', 'low_stock_threshold'],
  ['/inventory-status?date_debut=2026-01-01', 'date_debut'],
  ['/inventory?start_date=2026-01-01', 'start_date'],
  ['/global-summary?store_id=0', 'store_id'],
  ['/sales?magasin_id=abc', 'magasin_id'],
  ['/global-summary?format=xml', 'format'],
  ['/global-summary?foo=1', 'foo'],
  ['/top-stores?store_id=1', 'store_id'],
  ['/stores/abc/performance', 'id'],
]

test.group('Reports: validation', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })

  test('bad parameters are a 422 naming the field', async ({ client, assert }) => {
    for (const [path, field] of BAD_QUERIES) {
      const response = await client.get(`/api/v1/reports${path}`).header('x-api-token', token)
      assert.equal(response.status(), 422, path)
      assert.equal(response.body().error_code, 'VALIDATION_ERROR', path)
      assert.include(response.body().details.validation_errors.map((e: { field: string }) => e.field), field, path)
    }
  })

  test('a bad threshold is told what an amount is, and a day that is not YYYY-MM-DD what a day is', async ({ client, assert }) => {
    for (const threshold of ['-1', '1000.125', '10000000000', 'abc']) {
      const response = await client.get('/api/v1/reports/underperforming-stores').qs({ threshold }).header('x-api-token', token)
      response.assertStatus(422)
      assert.deepEqual(
        response.body().details.validation_errors,
        [
          {
            field: 'threshold',
            message: 'The threshold field must be an amount of at least 0 with at most two decimals, up to 999999999.99 (such as "1000.00")',
            type: 'money',
          },
        ],
        threshold
      )
    }
    for (const [name, value] of [
      ['start_date', '2024-01-01T00:00:00'],
      ['end_date', '2024-1-1'],
      ['date_debut', 'hier'],
    ]) {
      const response = await client.get('/api/v1/reports/global-summary').qs({ [name]: value }).header('x-api-token', token)
      response.assertStatus(422)
      assert.deepEqual(response.body().details.validation_errors, [
        { field: name, message: `The ${name} field must be a real calendar date (YYYY-MM-DD)`, type: 'calendarDate' },
      ])
    }
  })

  test('the original parameters and their README aliases are all accepted', async ({ client }) => {
    const ok = [
      `/global-summary?start_date=2026-01-01&end_date=${today()}&store_id=1`,
      `/global-summary?date_debut=2026-01-01&date_fin=${today()}&magasin_id=1`,
      '/top-products?limit=50&start_date=2026-01-01&end_date=2026-01-31',
      '/stores/performance?limit=50&start_date=2026-01-01',
      '/sales-by-period?period=weekly&start_date=2026-01-01&end_date=2026-03-31&store_id=1',
      '/inventory-status?low_stock_threshold=5&store_id=2',
      '/revenue-trends?period=daily&months_back=36&store_id=1',
      '/underperforming-stores?threshold=999.99',
      '/top-stores?limit=20',
      `/stores/performance?start_date=2021-01-01&end_date=2025-12-31`,
    ]
    for (const path of ok) {
      const response = await client.get(`/api/v1/reports${path}`).header('x-api-token', token)
      response.assertStatus(200)
    }
  })

  test('no bad input makes a report answer 500', async ({ client, assert }) => {
    const junk = ['start_date=%00', 'end_date=9999-99-99', 'store_id=99999999999999999999', 'limit=-5', 'period[]=daily', 'format=', 'months_back=1e9']
    for (const route of REPORT_ROUTES) {
      for (const suffix of junk) {
        const response = await call(client, route, token, suffix)
        assert.isBelow(response.status(), 500, `${route.path} ${suffix}: ${response.text()}`)
      }
    }
  })
})
