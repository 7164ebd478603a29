import db from '@adonisjs/lucid/services/db'
import { bucketStarts, earlier, later, bucketEnd, type Bucket } from '#reporting/services/calendar'
import { rollupConditions, toInt, type RollupFilter } from '#reporting/services/figures'
import type { BoundedRange } from '#reporting/services/report_period'

/*
 * POST /reports/custom: totals over a period, for some stores and
 * products, grouped by day, week, month, store or product. Amounts and
 * quantities come from daily_sales_rollups (product grain). The number of
 * sales is exact only where the rollups make it exact: without a product
 * filter (daily_register_rollups counts each sale once), per product, or
 * for a single product; a sale holding two of the filtered products would
 * otherwise count twice, so in that case it is null rather than wrong.
 */

export type Grouping = 'jour' | 'semaine' | 'mois' | 'magasin' | 'produit'

export const GROUPINGS: Grouping[] = ['jour', 'semaine', 'mois', 'magasin', 'produit']

const TIME_BUCKET: Partial<Record<Grouping, Bucket>> = { jour: 'day', semaine: 'week', mois: 'month' }

export interface CustomFigures {
  quantitySold: number
  quantityReturned: number
  grossCents: number
  refundCents: number
  salesCount: number | null
}

export interface CustomRow {
  key: string
  /** Time groupings: first and last day of the bucket within the period. */
  start?: string
  end?: string
  storeId?: number
  productId?: number
  label: string
  code?: string
  figures: CustomFigures
}

const ZERO: CustomFigures = { quantitySold: 0, quantityReturned: 0, grossCents: 0, refundCents: 0, salesCount: 0 }

/* Group keys (DATE comes back as 'YYYY-MM-DD', see start/pg_types.ts); the map keys are their text. */
function keySql(grouping: Grouping | undefined): string {
  if (grouping === 'magasin') return 'r.store_id'
  if (grouping === 'produit') return 'r.product_id'
  if (grouping === 'jour') return 'r.day'
  if (grouping === 'semaine') return `date_trunc('week', r.day::timestamp)::date`
  if (grouping === 'mois') return `date_trunc('month', r.day::timestamp)::date`
  return `'total'`
}

async function productSums(filter: RollupFilter, grouping: Grouping | undefined) {
  const where = rollupConditions('r', filter)
  const result = await db.rawQuery(
    `SELECT ${keySql(grouping)} AS key, SUM(r.quantity_sold) AS quantity_sold, SUM(r.quantity_returned) AS quantity_returned,
            SUM(r.revenue_cents) AS gross, SUM(r.refunded_cents) AS refunds, SUM(r.sale_count) AS orders
       FROM daily_sales_rollups r WHERE ${where.sql} GROUP BY 1`,
    where.bindings
  )
  return new Map<string, Record<string, unknown>>(result.rows.map((row: Record<string, unknown>) => [String(row.key), row]))
}

/** Exact sale counts from the register rollups (only valid without a product filter, never per product). */
async function saleCounts(filter: RollupFilter, grouping: Grouping | undefined) {
  const where = rollupConditions('r', { range: filter.range, storeIds: filter.storeIds })
  const result = await db.rawQuery(
    `SELECT ${keySql(grouping)} AS key, SUM(r.sales_count) AS sales_count
       FROM daily_register_rollups r WHERE ${where.sql} GROUP BY 1`,
    where.bindings
  )
  return new Map<string, number>(result.rows.map((row: Record<string, unknown>) => [String(row.key), toInt(row.sales_count)]))
}

/**
 * The rows of the report and their totals. Amounts add up row by row; the
 * sale count of the totals does too, except per product, where a sale
 * holding several products is in several rows.
 */
export async function customReport(
  range: BoundedRange,
  storeIds: number[] | null,
  productIds: number[] | null,
  grouping: Grouping | undefined
): Promise<{ rows: CustomRow[]; totals: CustomFigures }> {
  const filter: RollupFilter = { range, storeIds, productIds }
  const rows = await groupedRows(range, storeIds, productIds, grouping)
  const totals = rows.reduce(
    (sum, row) => ({
      quantitySold: sum.quantitySold + row.figures.quantitySold,
      quantityReturned: sum.quantityReturned + row.figures.quantityReturned,
      grossCents: sum.grossCents + row.figures.grossCents,
      refundCents: sum.refundCents + row.figures.refundCents,
      salesCount: sum.salesCount === null || row.figures.salesCount === null ? null : sum.salesCount + row.figures.salesCount,
    }),
    ZERO
  )
  if (grouping === 'produit' && (productIds?.length ?? 0) !== 1) {
    totals.salesCount = productIds ? null : ((await saleCounts(filter, undefined)).get('total') ?? 0)
  }
  return { rows, totals }
}

async function groupedRows(
  range: BoundedRange,
  storeIds: number[] | null,
  productIds: number[] | null,
  grouping: Grouping | undefined
): Promise<CustomRow[]> {
  const filter: RollupFilter = { range, storeIds, productIds }
  const countsFromRegisters = !productIds && grouping !== 'produit'
  const countsFromOrders = grouping === 'produit' || productIds?.length === 1
  const sums = await productSums(filter, grouping)
  const counts = countsFromRegisters ? await saleCounts(filter, grouping) : null

  const figuresOf = (key: string): CustomFigures => {
    const row = sums.get(key)
    const salesCount = counts ? (counts.get(key) ?? 0) : countsFromOrders ? toInt(row?.orders) : null
    if (!row) return { ...ZERO, salesCount }
    return {
      quantitySold: toInt(row.quantity_sold),
      quantityReturned: toInt(row.quantity_returned),
      grossCents: toInt(row.gross),
      refundCents: toInt(row.refunds),
      salesCount,
    }
  }

  const bucket = grouping ? TIME_BUCKET[grouping] : undefined
  if (bucket) {
    return bucketStarts(range.from, range.to, bucket).map((start) => ({
      key: start,
      start: later(start, range.from),
      end: earlier(bucketEnd(start, bucket), range.to),
      label: grouping === 'semaine' ? `Semaine du ${start}` : grouping === 'mois' ? start.slice(0, 7) : start,
      figures: figuresOf(start),
    }))
  }
  if (grouping === 'magasin') {
    const stores = await db.from('stores').if(storeIds, (q) => q.whereIn('id', storeIds!)).select('id', 'name')
    return ranked(stores.map((s) => ({ key: String(s.id), storeId: Number(s.id), label: String(s.name), figures: figuresOf(String(s.id)) })))
  }
  if (grouping === 'produit') {
    const ids = productIds ?? [...sums.keys()].map(Number)
    const products = ids.length === 0 ? [] : await db.from('products').whereIn('id', ids).select('id', 'code', 'name')
    return ranked(
      products.map((p) => ({
        key: String(p.id),
        productId: Number(p.id),
        code: String(p.code),
        label: String(p.name),
        figures: figuresOf(String(p.id)),
      }))
    )
  }
  return [{ key: 'total', label: 'Total', figures: figuresOf('total') }]
}

/** Stores and products: net revenue first, rows without sales last, then by id (stable). */
function ranked(rows: CustomRow[]): CustomRow[] {
  const net = (r: CustomRow) => r.figures.grossCents - r.figures.refundCents
  const sold = (r: CustomRow) => (r.figures.quantitySold > 0 ? 1 : 0)
  const id = (r: CustomRow) => r.storeId ?? r.productId ?? 0
  return rows.sort((a, b) => sold(b) - sold(a) || net(b) - net(a) || id(a) - id(b))
}
