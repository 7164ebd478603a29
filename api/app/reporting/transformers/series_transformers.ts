import { centsToWire } from '#core/money'
import { averageTicketCents, netCents } from '#reporting/services/figures'
import type { CsvTable } from '#reporting/services/csv'
import type { BoundedRange } from '#reporting/services/report_period'
import type { RegisterFigures } from '#reporting/queries/register_figures'
import type { SeriesBucket, TrendDirection } from '#reporting/queries/sales_series'
import type { LevelRow } from '#reporting/queries/inventory'

/* sales-by-period, revenue-trends and inventory-status: the original's stubs, with real figures. */

function bucketFigures(figures: RegisterFigures) {
  return {
    sales_count: figures.salesCount,
    revenue: centsToWire(netCents(figures)),
    gross_revenue: centsToWire(figures.grossCents),
    refunds: centsToWire(figures.refundCents),
    average_ticket: centsToWire(averageTicketCents(figures)),
  }
}

export function salesByPeriodToWire(
  period: string,
  range: BoundedRange,
  storeId: number | null,
  series: { buckets: SeriesBucket[]; totals: RegisterFigures }
) {
  return {
    period,
    start_date: range.from,
    end_date: range.to,
    store_id: storeId,
    total_sales: series.totals.salesCount,
    total_revenue: centsToWire(netCents(series.totals)),
    gross_revenue: centsToWire(series.totals.grossCents),
    refunds: centsToWire(series.totals.refundCents),
    sales_data: series.buckets.map((b) => ({ period_start: b.start, period_end: b.end, ...bucketFigures(b.figures) })),
  }
}
export type SalesByPeriodWire = ReturnType<typeof salesByPeriodToWire>

export function revenueTrendsToWire(
  input: { period: string; monthsBack: number; storeId: number | null; range: BoundedRange },
  buckets: SeriesBucket[],
  analysis: { changes: (number | null)[]; growthRate: number | null; direction: TrendDirection }
) {
  return {
    period: input.period,
    months_back: input.monthsBack,
    store_id: input.storeId,
    start_date: input.range.from,
    end_date: input.range.to,
    trends: buckets.map((b, index) => ({
      period_start: b.start,
      period_end: b.end,
      ...bucketFigures(b.figures),
      growth_rate: analysis.changes[index],
      complete: b.complete,
    })),
    growth_rate: analysis.growthRate,
    trend_direction: analysis.direction,
  }
}
export type RevenueTrendsWire = ReturnType<typeof revenueTrendsToWire>

function levelToWire(level: LevelRow) {
  return {
    product_id: level.productId,
    product_code: level.code,
    product_name: level.name,
    store_id: level.storeId,
    location_name: level.locationName,
    quantity: level.quantity,
    reorder_point: level.reorderPoint,
    status: level.status,
    unit_price: centsToWire(level.priceCents),
    stock_value: centsToWire(level.quantity * level.priceCents),
  }
}

export function inventoryStatusToWire(
  threshold: number | null,
  storeId: number | null,
  status: { outOfStock: LevelRow[]; lowStock: LevelRow[]; totalProducts: number; valueCents: number }
) {
  return {
    low_stock_threshold: threshold,
    store_id: storeId,
    low_stock_products: status.lowStock.map(levelToWire),
    out_of_stock_products: status.outOfStock.map(levelToWire),
    total_products: status.totalProducts,
    inventory_value: centsToWire(status.valueCents),
  }
}
export type InventoryStatusWire = ReturnType<typeof inventoryStatusToWire>

/* ---- CSV ---- */

const BUCKET_COLUMNS = ['period_start', 'period_end', 'sales_count', 'revenue', 'gross_revenue', 'refunds', 'average_ticket'] as const

export function salesByPeriodTable(report: SalesByPeriodWire): CsvTable {
  return { columns: [...BUCKET_COLUMNS], rows: report.sales_data.map((row) => BUCKET_COLUMNS.map((c) => row[c])) }
}

export function revenueTrendsTable(report: RevenueTrendsWire): CsvTable {
  const columns = [...BUCKET_COLUMNS, 'growth_rate', 'complete'] as const
  return { columns: [...columns], rows: report.trends.map((row) => columns.map((c) => row[c])) }
}

export function inventoryStatusTable(report: InventoryStatusWire): CsvTable {
  const columns = [
    'product_id',
    'product_code',
    'product_name',
    'store_id',
    'location_name',
    'quantity',
    'reorder_point',
    'status',
    'unit_price',
    'stock_value',
  ] as const
  const rows = [...report.out_of_stock_products, ...report.low_stock_products]
  return { columns: [...columns], rows: rows.map((row) => columns.map((c) => row[c])) }
}
