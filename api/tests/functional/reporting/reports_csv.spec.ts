import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { tokenWith } from '#tests/helpers/tokens'
import { registersOf } from '#tests/helpers/pos'
import { REPORT_ROUTES, call, knownSales, today } from './helpers.js'

/** Report name in the file name: the path without /api/v1/reports, the query or the store id. */
const FILE_NAMES: Record<string, string> = {
  '/stores/1/performance': 'store-1-performance',
  '/stores/performance': 'stores-performance',
  '/custom': 'custom-report',
}

function fileName(path: string) {
  const bare = path.split('?')[0]
  return `${FILE_NAMES[bare] ?? bare.slice(1)}-${today()}.csv`
}

test.group('Reports: CSV downloads', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })

  test('every report downloads as CSV with ?format=csv: type, file name, header row', async ({ client, assert }) => {
    await knownSales(client)
    for (const route of REPORT_ROUTES) {
      const response = await call(client, route, token, 'format=csv')
      assert.equal(response.status(), 200, route.path)
      assert.equal(response.header('content-type'), 'text/csv; charset=utf-8', route.path)
      assert.equal(response.header('content-disposition'), `attachment; filename="${fileName(route.path)}"`, route.path)
      const [header, ...rows] = response.text().split('\r\n')
      assert.match(header, /^[a-z_]+(,[a-z_]+)+$/, route.path)
      assert.equal(rows.at(-1), '', `${route.path}: ends with a line break`)
      for (const row of rows.slice(0, -1)) assert.isAtLeast(row.split(',').length, header.split(',').length, route.path)
    }
  })

  test('Accept: text/csv works too, and format=json wins over it', async ({ client, assert }) => {
    await knownSales(client)
    const csv = await client.get('/api/v1/reports/global-summary').header('x-api-token', token).header('accept', 'text/csv')
    assert.equal(csv.header('content-type'), 'text/csv; charset=utf-8')
    assert.equal(csv.text(), 'total_revenue,total_sales_count,average_ticket,gross_revenue,refunds\r\n14.15,3,4.72,15.35,1.20\r\n')
    const json = await client.get('/api/v1/reports/global-summary?format=json').header('x-api-token', token).header('accept', 'text/csv')
    assert.match(json.header('content-type') ?? '', /^application\/json/)
    assert.equal(json.body().total_revenue, '14.15')
  })

  test('format=csv-fr: semicolons, decimal commas and French names for French-locale spreadsheets, same figures', async ({ client, assert }) => {
    await knownSales(client)
    const csv = await client.get('/api/v1/reports/global-summary?format=csv-fr').header('x-api-token', token)
    assert.equal(csv.header('content-type'), 'text/csv; charset=utf-8')
    assert.equal(csv.header('content-disposition'), `attachment; filename="global-summary-${today()}.csv"`)
    assert.equal(csv.text(), 'chiffre_affaires;nombre_ventes;ticket_moyen;ventes_brutes;remboursements\r\n14,15;3;4,72;15,35;1,20\r\n')
    // A name holding the separator is quoted; one holding a comma no longer needs to be.
    await db.from('stores').where('id', 5).update({ name: 'Nord; Est, Ouest' })
    const stores = await client.get('/api/v1/reports/store-performances?format=csv-fr').header('x-api-token', token)
    const line = stores.text().split('\r\n').find((row) => row.startsWith('5;')) ?? ''
    assert.match(line, /^5;"Nord; Est, Ouest";\d+;\d+,\d{2};/)
    const [header] = stores.text().split('\r\n')
    assert.equal(header, 'magasin_id;magasin_nom;nombre_ventes;chiffre_affaires;ticket_moyen;performance;ventes_brutes;remboursements')
    // The rating in the words the web app shows (the standard CSV keeps the original's English).
    assert.match(line, /;(Excellente|Bonne|Moyenne|Faible);/)
    const products = await client.get('/api/v1/reports/top-products?format=csv-fr').header('x-api-token', token)
    assert.match(products.text(), /^produit_id;produit_code;produit_nom;quantite_vendue;chiffre_affaires;commandes;/)
  })

  test('spreadsheet formulas in names are neutralised; negative amounts stay numbers', async ({ client, assert }) => {
    const category = await db.from('categories').select('id').firstOrFail()
    await db.table('products').insert({ code: 'EVIL1', name: '=HYPERLINK("http://evil.test","prix")', price_cents: 100, category_id: category.id })
    await db.from('stores').where('id', 5).update({ name: '@SUM(1+1)' })
    const [registerId] = await registersOf(4)
    // A day with a refund and no sale: net revenue −5.00.
    await db.table('daily_register_rollups').insert({ day: '2026-01-20', register_id: registerId, store_id: 4, returns_count: 1, refunded_subtotal_cents: 500, refunded_total_cents: 575 })

    const products = await client.get('/api/v1/reports/top-products?limit=50&format=csv').header('x-api-token', token)
    const evil = products.text().split('\r\n').find((line) => line.includes('EVIL1')) ?? ''
    assert.include(evil, `,"'=HYPERLINK(""http://evil.test"",""prix"")",`)

    const stores = await client.get('/api/v1/reports/store-performances?start_date=2026-01-20&end_date=2026-01-20&format=csv').header('x-api-token', token)
    const lines = stores.text().split('\r\n')
    assert.include(lines, "5,'@SUM(1+1),0,0.00,0.00,Poor,0.00,0.00")
    assert.include(lines, '4,Magasin Sud,0,-5.00,0.00,Poor,0.00,5.00')
  })
})
