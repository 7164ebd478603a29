import { centsToWire } from '#core/money'
import {
  averageTicketCents,
  divideHalfUp,
  netCents,
  percentOf,
  performanceRating,
  ratioToWire,
  type SalesFigures,
} from '#reporting/services/figures'
import type { CsvTable } from '#reporting/services/csv'
import type { StoreFigures } from '#reporting/queries/store_performance'
import type { ProductFigures } from '#reporting/queries/top_products'

/*
 * Wire shapes of the original API's report routes: its English field names,
 * plus a few added fields (gross_revenue, refunds, …). Amounts are decimal
 * strings with two decimals (centsToWire), counts are integers.
 */

export function globalSummaryToWire(figures: SalesFigures) {
  return {
    total_revenue: centsToWire(netCents(figures)),
    total_sales_count: figures.salesCount,
    average_ticket: centsToWire(averageTicketCents(figures)),
    gross_revenue: centsToWire(figures.grossCents),
    refunds: centsToWire(figures.refundCents),
  }
}
export type GlobalSummaryWire = ReturnType<typeof globalSummaryToWire>

export function storePerformanceToWire(store: StoreFigures) {
  const revenue = netCents(store)
  return {
    store_id: store.storeId,
    store_name: store.storeName,
    sales_count: store.salesCount,
    revenue: centsToWire(revenue),
    average_ticket: centsToWire(averageTicketCents(store)),
    performance_rating: performanceRating(revenue),
    gross_revenue: centsToWire(store.grossCents),
    refunds: centsToWire(store.refundCents),
  }
}
export type StorePerformanceWire = ReturnType<typeof storePerformanceToWire>

export function topProductToWire(product: ProductFigures) {
  const quantity = product.quantitySold - product.quantityReturned
  const revenue = product.grossCents - product.refundCents
  return {
    product_id: product.productId,
    product_code: product.code,
    product_name: product.name,
    total_quantity_sold: quantity,
    total_revenue: centsToWire(revenue),
    total_orders: product.orders,
    average_quantity_per_order: ratioToWire(quantity, product.orders),
    average_revenue_per_order: centsToWire(divideHalfUp(revenue, product.orders)),
    quantity_returned: product.quantityReturned,
    gross_revenue: centsToWire(product.grossCents),
    refunds: centsToWire(product.refundCents),
  }
}
export type TopProductWire = ReturnType<typeof topProductToWire>

/** The original's business-insights; the best store is null when no store sold anything. */
export function businessInsightsToWire(summary: SalesFigures, stores: StoreFigures[]) {
  const active = stores.filter((s) => s.salesCount > 0)
  const totalNet = stores.reduce((sum, s) => sum + netCents(s), 0)
  return {
    global_summary: globalSummaryToWire(summary),
    total_stores: stores.length,
    active_stores: active.length,
    store_activation_rate: percentOf(active.length, stores.length),
    best_performing_store: active.length > 0 ? storePerformanceToWire(active[0]) : null,
    average_store_revenue: centsToWire(divideHalfUp(totalNet, stores.length)),
  }
}
export type BusinessInsightsWire = ReturnType<typeof businessInsightsToWire>

/* ---- CSV tables (one row per item, the JSON field names as headers) ---- */

const SUMMARY_COLUMNS = ['total_revenue', 'total_sales_count', 'average_ticket', 'gross_revenue', 'refunds'] as const
const STORE_COLUMNS = [
  'store_id',
  'store_name',
  'sales_count',
  'revenue',
  'average_ticket',
  'performance_rating',
  'gross_revenue',
  'refunds',
] as const
const PRODUCT_COLUMNS = [
  'product_id',
  'product_code',
  'product_name',
  'total_quantity_sold',
  'total_revenue',
  'total_orders',
  'average_quantity_per_order',
  'average_revenue_per_order',
  'quantity_returned',
  'gross_revenue',
  'refunds',
] as const

function table<T, K extends keyof T>(columns: readonly K[], items: T[]): CsvTable {
  return { columns: columns as unknown as string[], rows: items.map((item) => columns.map((c) => item[c] as never)) }
}

export const summaryTable = (summary: GlobalSummaryWire) => table(SUMMARY_COLUMNS, [summary])
export const storesTable = (stores: StorePerformanceWire[]) => table(STORE_COLUMNS, stores)
export const storeTable = (store: StorePerformanceWire) => table(STORE_COLUMNS, [store])
export const productsTable = (products: TopProductWire[]) => table(PRODUCT_COLUMNS, products)

export function insightsTable(insights: BusinessInsightsWire): CsvTable {
  const best = insights.best_performing_store
  return {
    columns: [
      ...SUMMARY_COLUMNS,
      'total_stores',
      'active_stores',
      'store_activation_rate',
      'best_store_id',
      'best_store_name',
      'best_store_revenue',
      'average_store_revenue',
    ],
    rows: [
      [
        ...SUMMARY_COLUMNS.map((c) => insights.global_summary[c]),
        insights.total_stores,
        insights.active_stores,
        insights.store_activation_rate,
        best?.store_id ?? null,
        best?.store_name ?? null,
        best?.revenue ?? null,
        insights.average_store_revenue,
      ],
    ],
  }
}
