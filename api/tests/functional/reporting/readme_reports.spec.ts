import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { tokenWith } from '#tests/helpers/tokens'
import { locationOfStore, setLevel } from '#tests/helpers/database'
import { productId, registersOf } from '#tests/helpers/pos'
import { knownSales, today } from './helpers.js'

/** The seed draws reorder points at random; a low fixed one makes the alert counts exact. */
async function noAlerts() {
  await db.from('stock_levels').update({ reorder_point: 5 })
}

test.group('Reports from the README: sales, inventory, kpis, custom', (group) => {
  let token: string
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    token = await tokenWith(['reports'])
    return rollback
  })
  const get = (client: ApiClient, path: string) => client.get(`/api/v1/reports${path}`).header('x-api-token', token)
  const custom = (client: ApiClient, body: object) => client.post('/api/v1/reports/custom').header('x-api-token', token).json(body)

  test('GET /reports/sales: totals before and after tax, per store and per day, month to date', async ({ client, assert }) => {
    await knownSales(client)
    const refunded = await db.from('returns').sum('total_cents as total').first()
    const report = (await get(client, '/sales')).body()
    assert.equal(report.date_debut, `${today().slice(0, 8)}01`)
    assert.equal(report.date_fin, today())
    assert.deepEqual(report.totaux, {
      nombre_ventes: 3,
      ventes_brutes: '15.35',
      remboursements: '1.20',
      chiffre_affaires: '14.15',
      ticket_moyen: '4.72',
      taxes: '2.30',
      total_ttc: '17.65',
      nombre_retours: 1,
      remboursements_ttc: (Number(refunded.total) / 100).toFixed(2),
    })
    assert.deepEqual(report.par_magasin.map((s: { magasin_id: number; chiffre_affaires: string }) => [s.magasin_id, s.chiffre_affaires]), [
      [1, '5.95'],
      [2, '8.20'],
      [3, '0.00'],
      [4, '0.00'],
      [5, '0.00'],
    ])
    assert.equal(report.par_jour.length, Number(today().slice(8, 10)))
    assert.containsSubset(report.par_jour.at(-1), { jour: today(), nombre_ventes: 3 })
    const store1 = (await get(client, `/sales?magasin_id=1&date_debut=${today()}&date_fin=${today()}`)).body()
    assert.deepEqual([store1.magasin_id, store1.totaux.nombre_ventes, store1.par_magasin.length], [1, 2, 1])

    // The CSV is the (day, store) grain the JSON views add up from.
    const csv = (await get(client, '/sales?format=csv')).text().split('\r\n')
    assert.equal(csv[0], 'jour,magasin_id,magasin_nom,nombre_ventes,ventes_brutes,remboursements,chiffre_affaires,ticket_moyen,taxes,total_ttc,nombre_retours,remboursements_ttc')
    assert.deepEqual(csv.slice(1, -1).map((line) => line.split(',').slice(0, 7)), [
      [today(), '1', 'Magasin Centre-Ville', '2', '7.15', '1.20', '5.95'],
      [today(), '2', 'Magasin Banlieue', '1', '8.20', '0.00', '8.20'],
    ])
  })

  test('GET /reports/inventory: per location, stores then the warehouse, with values and alerts', async ({ client, assert }) => {
    await noAlerts()
    await setLevel(await locationOfStore(1), await productId('ALI003'), 0)
    const report = (await get(client, '/inventory')).body()
    assert.deepEqual(report.emplacements.map((l: { type: string; magasin_id: number | null }) => [l.type, l.magasin_id]), [
      ['magasin', 1],
      ['magasin', 2],
      ['magasin', 3],
      ['magasin', 4],
      ['magasin', 5],
      ['entrepot', null],
    ])
    const expected = await db
      .from('stock_levels')
      .join('products', 'products.id', 'stock_levels.product_id')
      .where('stock_levels.location_id', await locationOfStore(1))
      .select(db.raw('sum(stock_levels.quantity * products.price_cents) AS value, sum(stock_levels.quantity) AS quantity'))
      .first()
    assert.containsSubset(report.emplacements[0], {
      nom: 'Magasin Centre-Ville',
      nombre_produits: 13,
      quantite_totale: Number(expected.quantity),
      valeur: (Number(expected.value) / 100).toFixed(2),
      alertes: 1,
      statuts: { ruptures: 1 },
    })
    assert.equal(report.totaux.alertes, 1)
    const store2 = (await get(client, '/inventory?store_id=2')).body()
    assert.deepEqual([store2.magasin_id, store2.emplacements.length, store2.totaux.alertes], [2, 1, 0])
  })

  test('GET /reports/kpis: month to date against the same days of last month, stock alerts', async ({ client, assert }) => {
    await noAlerts()
    await knownSales(client)
    await setLevel(await locationOfStore(1), await productId('ALI003'), 0)
    const kpis = (await get(client, '/kpis')).body()
    assert.deepEqual(kpis.periode, { date_debut: `${today().slice(0, 8)}01`, date_fin: today() })
    assert.deepEqual(kpis.chiffre_affaires, { valeur: '14.15', precedent: '0.00', variation_pct: null })
    assert.deepEqual(kpis.transactions, { valeur: 3, precedent: 0, variation_pct: null })
    assert.deepEqual(kpis.alertes_stock, { total: 1, ruptures: 1, critiques: 0, faibles: 0, normaux: 77 })
    assert.equal((await get(client, '/kpis?magasin_id=2')).body().alertes_stock.total, 0)
  })

  test('GET /reports/kpis: a whole month against the previous one, other periods against the days before', async ({ client, assert }) => {
    const [registerId] = await registersOf(3)
    for (const [day, sales, cents] of [['2025-12-05', 4, 40_000], ['2026-01-05', 5, 60_000], ['2026-01-12', 1, 2_000]] as const) {
      await db.table('daily_register_rollups').insert({ day, register_id: registerId, store_id: 3, sales_count: sales, subtotal_cents: cents, tax_cents: 0, total_cents: cents })
    }
    const january = (await get(client, '/kpis?date_debut=2026-01-01&date_fin=2026-01-31')).body()
    assert.deepEqual(january.periode_precedente, { date_debut: '2025-12-01', date_fin: '2025-12-31' })
    assert.deepEqual(january.chiffre_affaires, { valeur: '620.00', precedent: '400.00', variation_pct: 55 })
    assert.deepEqual(january.ticket_moyen, { valeur: '103.33', precedent: '100.00', variation_pct: 3.33 })
    const tenDays = (await get(client, '/kpis?start_date=2026-01-10&end_date=2026-01-19')).body()
    assert.deepEqual(tenDays.periode_precedente, { date_debut: '2025-12-31', date_fin: '2026-01-09' })
    assert.deepEqual(tenDays.transactions, { valeur: 1, precedent: 5, variation_pct: -80 })
  })

  test('POST /reports/custom: grouped by store, exact sale counts, totals', async ({ client, assert }) => {
    await knownSales(client)
    const response = await custom(client, { date_debut: today(), date_fin: today(), grouper_par: 'magasin' })
    response.assertStatus(200)
    const report = response.body()
    assert.containsSubset(report, { date_debut: today(), date_fin: today(), magasin_ids: null, produit_ids: null, grouper_par: 'magasin' })
    assert.deepEqual(report.totaux, {
      quantite_vendue: 8,
      quantite_retournee: 1,
      ventes_brutes: '15.35',
      remboursements: '1.20',
      chiffre_affaires: '14.15',
      nombre_ventes: 3,
      ticket_moyen: '4.72',
    })
    assert.deepEqual(report.lignes.map((l: { magasin_id: number; nombre_ventes: number }) => [l.magasin_id, l.nombre_ventes]), [
      [2, 1],
      [1, 2],
      [3, 0],
      [4, 0],
      [5, 0],
    ])
    assert.equal(report.lignes[1].libelle, 'Magasin Centre-Ville')
  })

  test('POST /reports/custom: products filter, by product and by day; sale counts only where exact', async ({ client, assert }) => {
    await knownSales(client)
    const [bread, shampoo] = [await productId('ALI001'), await productId('HYG001')]
    const byProduct = (await custom(client, { start_date: today(), end_date: today(), produit_ids: [bread, shampoo], grouper_par: 'produit' })).body()
    assert.deepEqual(byProduct.lignes.map((l: { code: string; chiffre_affaires: string; nombre_ventes: number }) => [l.code, l.chiffre_affaires, l.nombre_ventes]), [
      ['HYG001', '7.00', 1],
      ['ALI001', '2.40', 2],
    ])
    assert.isNull(byProduct.totaux.nombre_ventes) // a sale with both products would count twice
    assert.equal(byProduct.totaux.ventes_brutes, '10.60')

    const oneProduct = (await custom(client, { date_debut: today(), date_fin: today(), produit_ids: [bread], magasin_ids: [1] })).body()
    assert.containsSubset(oneProduct.totaux, { quantite_vendue: 1, nombre_ventes: 1, chiffre_affaires: '1.20' })

    const byDay = (await custom(client, { date_debut: today(), date_fin: today(), grouper_par: 'jour' })).body()
    assert.deepEqual(byDay.lignes, [{ periode_debut: today(), periode_fin: today(), libelle: today(), ...byDay.totaux }])
  })

  test('POST /reports/custom: validation', async ({ client, assert }) => {
    const cases: [object, string][] = [
      [{}, 'date_debut'],
      [{ date_debut: '2026-01-01' }, 'date_fin'],
      [{ date_debut: '2026-01-31', date_fin: '2026-01-01' }, 'date_fin'],
      [{ date_debut: '2020-01-01', date_fin: '2025-06-01' }, 'date_fin'],
      [{ date_debut: '2026-01-01', date_fin: '2026-01-31', grouper_par: 'annee' }, 'grouper_par'],
      [{ date_debut: '2026-01-01', date_fin: '2026-01-31', magasin_ids: 'all' }, 'magasin_ids'],
      [{ date_debut: '2026-01-01', date_fin: '2026-01-31', produit_ids: [1, 99999] }, 'produit_ids.1'],
      [{ date_debut: '2026-01-01', date_fin: '2026-01-31', magasin_ids: [42] }, 'magasin_ids.0'],
      [{ date_debut: '2026-01-01', date_fin: '2026-01-31', magasin: 1 }, 'magasin'],
      [{ date_debut: 20260101, date_fin: '2026-01-31' }, 'date_debut'],
    ]
    for (const [body, field] of cases) {
      const response = await custom(client, body)
      assert.equal(response.status(), 422, JSON.stringify(body))
      assert.include(response.body().details.validation_errors.map((e: { field: string }) => e.field), field, JSON.stringify(body))
    }
    const wrongQuery = await client.post('/api/v1/reports/custom?format=xml').header('x-api-token', token).json({ date_debut: '2026-01-01', date_fin: '2026-01-02' })
    wrongQuery.assertStatus(422)
  })
})
