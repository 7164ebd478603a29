// The API's report answers, reshaped for the pages: amounts become integer
// cents, field names become the ones the components use, and only what is
// drawn travels to the browser. Pure functions (unit-tested), no Node APIs.
import type { components } from '../api/schema'
import { centsFromWire } from '../money.ts'
import type { StockStatus } from '../stock.ts'

type Schemas = components['schemas']

export interface Comparison {
  value: number
  previous: number
  /** Percent against the previous period; null when there is nothing to compare with. */
  change: number | null
}

export interface KpiView {
  previousPeriod: { from: string; to: string }
  revenue: Comparison
  transactions: Comparison
  averageTicket: Comparison
  alerts: { total: number; ruptures: number; critiques: number; faibles: number }
}

export function kpiView(kpis: Schemas['RapportKpis']): KpiView {
  const money = (c: { valeur: string; precedent: string; variation_pct: number | null }): Comparison => ({
    value: centsFromWire(c.valeur),
    previous: centsFromWire(c.precedent),
    change: c.variation_pct,
  })
  return {
    previousPeriod: { from: kpis.periode_precedente.date_debut, to: kpis.periode_precedente.date_fin },
    revenue: money(kpis.chiffre_affaires),
    transactions: {
      value: kpis.transactions.valeur,
      previous: kpis.transactions.precedent,
      change: kpis.transactions.variation_pct,
    },
    averageTicket: money(kpis.ticket_moyen),
    alerts: {
      total: kpis.alertes_stock.total,
      ruptures: kpis.alertes_stock.ruptures,
      critiques: kpis.alertes_stock.critiques,
      faibles: kpis.alertes_stock.faibles,
    },
  }
}

export interface SeriesPoint {
  start: string
  end: string
  sales: number
  revenueCents: number
  averageTicketCents: number
}

export function seriesView(report: Schemas['SalesReportResponse']): SeriesPoint[] {
  return report.sales_data.map((bucket) => ({
    start: bucket.period_start,
    end: bucket.period_end,
    sales: bucket.sales_count,
    revenueCents: centsFromWire(bucket.revenue),
    averageTicketCents: centsFromWire(bucket.average_ticket),
  }))
}

export type PerformanceRating = Schemas['StorePerformanceResponse']['performance_rating']

export interface StoreRow {
  storeId: number
  name: string
  sales: number
  revenueCents: number
  averageTicketCents: number
  refundsCents: number
  /** Null without a sale in the period: the API's scale would call an idle store « Poor ». */
  rating: PerformanceRating | null
}

/** Best first, stores without sales last: the API's order, kept. */
export function storesView(stores: Schemas['StorePerformanceResponse'][]): StoreRow[] {
  return stores.map((store) => ({
    storeId: store.store_id,
    name: store.store_name,
    sales: store.sales_count,
    revenueCents: centsFromWire(store.revenue),
    averageTicketCents: centsFromWire(store.average_ticket),
    refundsCents: centsFromWire(store.refunds),
    rating: store.sales_count === 0 ? null : store.performance_rating,
  }))
}

export interface ProductRow {
  rank: number
  productId: number
  code: string
  name: string
  /** Net of returns. */
  quantity: number
  returned: number
  orders: number
  revenueCents: number
}

/**
 * The ranking without the products nothing happened to: the API lists
 * unsold products last to fill the limit, a "top" should not.
 */
export function productsView(products: Schemas['TopProductResponse'][]): ProductRow[] {
  return products
    .filter((product) => product.total_orders > 0 || product.quantity_returned > 0)
    .map((product, index) => ({
      rank: index + 1,
      productId: product.product_id,
      code: product.product_code,
      name: product.product_name,
      quantity: product.total_quantity_sold,
      returned: product.quantity_returned,
      orders: product.total_orders,
      revenueCents: centsFromWire(product.total_revenue),
    }))
}

export interface LocationStockRow {
  /** null: the central warehouse. */
  storeId: number | null
  name: string
  products: number
  quantity: number
  valueCents: number
  alerts: number
  counts: Record<StockStatus, number>
}

export interface StockView {
  generatedAt: string
  locations: LocationStockRow[]
  totals: { quantity: number; valueCents: number; alerts: number; counts: Record<StockStatus, number> }
}

function counts(statuts: { ruptures: number; critiques: number; faibles: number; normaux: number }): Record<StockStatus, number> {
  return { rupture: statuts.ruptures, critique: statuts.critiques, faible: statuts.faibles, normal: statuts.normaux }
}

export function stockView(report: Schemas['RapportInventaire']): StockView {
  return {
    generatedAt: report.genere_le,
    locations: report.emplacements.map((location) => ({
      storeId: location.type === 'entrepot' ? null : location.magasin_id,
      name: location.nom,
      products: location.nombre_produits,
      quantity: location.quantite_totale,
      valueCents: centsFromWire(location.valeur),
      alerts: location.alertes,
      counts: counts(location.statuts),
    })),
    totals: {
      quantity: report.totaux.quantite_totale,
      valueCents: centsFromWire(report.totaux.valeur),
      alerts: report.totaux.alertes,
      counts: counts(report.totaux.statuts),
    },
  }
}

export interface UrgentRow {
  productId: number
  code: string
  name: string
  storeId: number | null
  location: string
  quantity: number
  reorderPoint: number
  status: StockStatus
}

/** Out of stock first, then low: the original's "Réapprovisionnement urgent", fewest units first within each. */
export function urgentView(status: Schemas['InventoryStatusResponse']): UrgentRow[] {
  return [...status.out_of_stock_products, ...status.low_stock_products].map((level) => ({
    productId: level.product_id,
    code: level.product_code,
    name: level.product_name,
    storeId: level.store_id,
    location: level.location_name,
    quantity: level.quantity,
    reorderPoint: level.reorder_point,
    status: level.status,
  }))
}

/** One page of a list the API gives whole (pages of `size`, from 1; past the end: the last page). */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; size: number; total: number } {
  const pages = Math.max(1, Math.ceil(items.length / size))
  const current = Math.min(Math.max(1, page), pages)
  return { items: items.slice((current - 1) * size, current * size), page: current, size, total: items.length }
}

/** What one tender took, gave back and kept over the period (cash net of change). */
export interface TenderRow {
  tender: Schemas['RapportModesPaiement']['totaux'][number]['mode']
  takenCents: number
  refundedCents: number
  netCents: number
}

type TenderFiguresWire = Pick<Schemas['RapportModesPaiement']['total'], 'encaisse' | 'rembourse' | 'net'>

function tenderFigures(row: TenderFiguresWire) {
  return { takenCents: centsFromWire(row.encaisse), refundedCents: centsFromWire(row.rembourse), netCents: centsFromWire(row.net) }
}

export interface TendersView {
  rows: TenderRow[]
  total: Omit<TenderRow, 'tender'>
  /** What the net holds beyond the sales less refunds: cash rounded to the nickel (ADR 0023). */
  cashRoundingCents: number
}

/** Each tender, and the three together (the API's sum). */
export function tendersView(report: Schemas['RapportModesPaiement']): TendersView {
  return {
    rows: report.totaux.map((row) => ({ tender: row.mode, ...tenderFigures(row) })),
    total: tenderFigures(report.total),
    cashRoundingCents: report.total.arrondi_especes ? centsFromWire(report.total.arrondi_especes) : 0,
  }
}
