import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { components } from '../../app/lib/api/schema'
import { formatChange, formatDay, formatMoneyCompact } from '../../app/lib/format.ts'
import { kpiView, pageOf, productsView, stockView, storesView, urgentView } from '../../app/lib/reports/figures.ts'
import { pageTitle } from '../../app/lib/meta.ts'

type Schemas = components['schemas']
const NBSP = '\u00a0'

function product(code: string, orders: number, returned: number, revenue: string): Schemas['TopProductResponse'] {
  return {
    product_id: code.length,
    product_code: code,
    product_name: code.toLowerCase(),
    total_quantity_sold: orders * 2 - returned,
    total_revenue: revenue,
    total_orders: orders,
    average_quantity_per_order: '2.00',
    average_revenue_per_order: '0.00',
    quantity_returned: returned,
    gross_revenue: revenue,
    refunds: '0.00',
  }
}

function level(code: string, quantity: number, storeId: number | null): Schemas['InventoryStatusResponse']['low_stock_products'][number] {
  return {
    product_id: 1,
    product_code: code,
    product_name: code,
    store_id: storeId,
    location_name: storeId === null ? 'Entrepôt central' : `Magasin ${storeId}`,
    quantity,
    reorder_point: 10,
    status: quantity === 0 ? 'rupture' : 'faible',
    unit_price: '1.00',
    stock_value: '0.00',
  }
}

describe('report figures', () => {
  test('KPIs become integer cents, with the comparison kept', () => {
    const view = kpiView({
      periode: { date_debut: '2026-11-01', date_fin: '2026-11-24' },
      periode_precedente: { date_debut: '2026-10-01', date_fin: '2026-10-24' },
      magasin_id: null,
      chiffre_affaires: { valeur: '1234.56', precedent: '1000.00', variation_pct: 23.46 },
      transactions: { valeur: 12, precedent: 0, variation_pct: null },
      ticket_moyen: { valeur: '102.88', precedent: '0.00', variation_pct: null },
      ventes_brutes: { valeur: '1300.00', precedent: '1000.00', variation_pct: 30 },
      alertes_stock: { total: 7, ruptures: 1, critiques: 2, faibles: 4, normaux: 50 },
    })
    assert.deepEqual(view.revenue, { value: 123456, previous: 100000, change: 23.46 })
    assert.deepEqual(view.transactions, { value: 12, previous: 0, change: null })
    assert.equal(view.averageTicket.value, 10288)
    assert.deepEqual(view.alerts, { total: 7, ruptures: 1, critiques: 2, faibles: 4 })
    assert.deepEqual(view.previousPeriod, { from: '2026-10-01', to: '2026-10-24' })
  })

  test('a top-products list drops what nothing happened to, and ranks the rest', () => {
    const rows = productsView([product('ALI001', 3, 0, '12.00'), product('ALI002', 0, 1, '-2.50'), product('ALI003', 0, 0, '0.00')])
    assert.deepEqual(
      rows.map((row) => [row.rank, row.code, row.revenueCents, row.quantity]),
      [
        [1, 'ALI001', 1200, 6],
        [2, 'ALI002', -250, -1],
      ]
    )
  })

  test('a store without a sale in the period has no rating, not the « Poor » of an idle store', () => {
    const store = (id: number, sales: number, revenue: string, rating: Schemas['StorePerformanceResponse']['performance_rating']) => ({
      store_id: id,
      store_name: `Magasin ${id}`,
      sales_count: sales,
      revenue,
      average_ticket: '0.00',
      performance_rating: rating,
      gross_revenue: revenue,
      refunds: '0.00',
    })
    const rows = storesView([store(1, 12, '10500.00', 'Excellent'), store(2, 3, '40.00', 'Poor'), store(3, 0, '0.00', 'Poor')])
    assert.deepEqual(
      rows.map((row) => row.rating),
      ['Excellent', 'Poor', null]
    )
  })

  test('stock per location: the warehouse has no store, statuses are counted', () => {
    const view = stockView({
      magasin_id: null,
      genere_le: '2026-11-24T15:00:00.000Z',
      emplacements: [
        { type: 'magasin', magasin_id: 2, nom: 'Magasin Banlieue', nombre_produits: 13, quantite_totale: 700, valeur: '1500.25', alertes: 3, statuts: { ruptures: 1, critiques: 0, faibles: 2, normaux: 10 } },
        { type: 'entrepot', magasin_id: null, nom: 'Entrepôt central', nombre_produits: 13, quantite_totale: 9000, valeur: '20000.00', alertes: 0, statuts: { ruptures: 0, critiques: 0, faibles: 0, normaux: 13 } },
      ],
      totaux: { quantite_totale: 9700, valeur: '21500.25', alertes: 3, statuts: { ruptures: 1, critiques: 0, faibles: 2, normaux: 23 } },
    })
    assert.deepEqual(view.locations[0]?.counts, { rupture: 1, critique: 0, faible: 2, normal: 10 })
    assert.equal(view.locations[0]?.valueCents, 150025)
    assert.equal(view.locations[1]?.storeId, null)
    assert.equal(view.totals.valueCents, 2150025)
  })

  test('urgent replenishment lists out-of-stock levels before low ones', () => {
    const rows = urgentView({
      low_stock_threshold: null,
      store_id: null,
      low_stock_products: [level('LOW', 3, 1)],
      out_of_stock_products: [level('OUT', 0, null)],
      total_products: 2,
      inventory_value: '3.00',
    })
    assert.deepEqual(
      rows.map((row) => [row.code, row.status, row.storeId]),
      [
        ['OUT', 'rupture', null],
        ['LOW', 'faible', 1],
      ]
    )
  })

  test('pages of a whole list: past the end is the last page', () => {
    const items = Array.from({ length: 45 }, (_, index) => index)
    assert.deepEqual(pageOf(items, 1, 20).items, items.slice(0, 20))
    assert.deepEqual(pageOf(items, 3, 20), { items: [40, 41, 42, 43, 44], page: 3, size: 20, total: 45 })
    assert.equal(pageOf(items, 99, 20).page, 3)
    assert.deepEqual(pageOf([], 2, 20), { items: [], page: 1, size: 20, total: 0 })
  })
})

describe('report formatting (fr-CA)', () => {
  test('calendar days never move with the time zone', () => {
    assert.equal(formatDay('2026-11-01'), '1er novembre 2026')
    assert.equal(formatDay('2026-11-11'), '11 novembre 2026')
    // A chart's axis too: « 1er nov. », as French writes the first of a month.
    assert.equal(formatDay('2026-11-01', 'short'), '1er nov.')
    assert.equal(formatDay('2026-11-24', 'short'), '24 nov.')
    assert.equal(formatDay('2026-01-31', 'month'), 'janvier 2026')
    assert.throws(() => formatDay('24/11/2026'), RangeError)
  })

  test('changes are signed percents; nothing to compare with is a dash', () => {
    assert.equal(formatChange(12.5), `+12,5${NBSP}%`)
    assert.equal(formatChange(-3), `-3${NBSP}%`)
    assert.equal(formatChange(0), `0${NBSP}%`)
    assert.equal(formatChange(null), '—')
  })

  test('chart axes get compact amounts from integer cents', () => {
    assert.equal(formatMoneyCompact(123456), `1,23${NBSP}k${NBSP}$`)
    assert.equal(formatMoneyCompact(125000), `1,25${NBSP}k${NBSP}$`)
    assert.equal(formatMoneyCompact(900), `9${NBSP}$`)
    assert.equal(formatMoneyCompact(0), `0${NBSP}$`)
    assert.throws(() => formatMoneyCompact(1.5), RangeError)
  })

  test('page titles follow the language of the root data', () => {
    assert.equal(pageTitle([{ id: 'root', data: { lang: 'en' } }], 'dashboard.title'), 'Dashboard · Comptoir')
    assert.equal(pageTitle([{ id: 'root', data: { lang: 'fr' } }], 'reports.titleStore', { store: 'Nord' }), 'Rapport — Nord · Comptoir')
    assert.equal(pageTitle([], 'dashboard.title'), 'Tableau de bord · Comptoir')
  })
})
