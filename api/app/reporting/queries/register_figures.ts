import db from '@adonisjs/lucid/services/db'
import type { Bucket } from '#reporting/services/calendar'
import { rollupConditions, toInt, type RollupFilter, type SalesFigures } from '#reporting/services/figures'

/*
 * Sales totals from daily_register_rollups (one row per day and register,
 * written in the sale's and the return's own transaction): the exact
 * number of sales, the pre-tax and taxed amounts, and what returns gave
 * back. Never reads sales or sale_lines.
 */

export interface RegisterFigures extends SalesFigures {
  taxCents: number
  totalCents: number
  returnsCount: number
  refundTotalCents: number
}

export const REGISTER_SUMS = `
  COALESCE(SUM(r.sales_count), 0) AS sales_count,
  COALESCE(SUM(r.subtotal_cents), 0) AS gross,
  COALESCE(SUM(r.refunded_subtotal_cents), 0) AS refunds,
  COALESCE(SUM(r.tax_cents), 0) AS tax,
  COALESCE(SUM(r.total_cents), 0) AS total,
  COALESCE(SUM(r.returns_count), 0) AS returns_count,
  COALESCE(SUM(r.refunded_total_cents), 0) AS refunds_total`

export const NO_REGISTER_FIGURES: RegisterFigures = {
  salesCount: 0,
  grossCents: 0,
  refundCents: 0,
  taxCents: 0,
  totalCents: 0,
  returnsCount: 0,
  refundTotalCents: 0,
}

export function registerFiguresOf(row: Record<string, unknown> | undefined): RegisterFigures {
  if (!row) return NO_REGISTER_FIGURES
  return {
    salesCount: toInt(row.sales_count),
    grossCents: toInt(row.gross),
    refundCents: toInt(row.refunds),
    taxCents: toInt(row.tax),
    totalCents: toInt(row.total),
    returnsCount: toInt(row.returns_count),
    refundTotalCents: toInt(row.refunds_total),
  }
}

/** Totals over the filter (all stores when it names none). */
export async function registerTotals(filter: RollupFilter): Promise<RegisterFigures> {
  const where = rollupConditions('r', filter)
  const result = await db.rawQuery(`SELECT ${REGISTER_SUMS} FROM daily_register_rollups r WHERE ${where.sql}`, where.bindings)
  return registerFiguresOf(result.rows[0])
}

/* Bucket names are fixed in code, never taken from the request. */
const TRUNC: Record<Bucket, string> = { day: 'day', week: 'week', month: 'month' }

/** Totals per bucket, keyed by the bucket's first day (weeks start on Monday); empty buckets are absent. */
export async function registerFiguresByBucket(filter: RollupFilter, bucket: Bucket): Promise<Map<string, RegisterFigures>> {
  const where = rollupConditions('r', filter)
  // DATE comes back as 'YYYY-MM-DD' (start/pg_types.ts): no to_char, which costs more than the grouping.
  const key = bucket === 'day' ? 'r.day' : `date_trunc('${TRUNC[bucket]}', r.day::timestamp)::date`
  const result = await db.rawQuery(
    `SELECT ${key} AS bucket, ${REGISTER_SUMS}
       FROM daily_register_rollups r WHERE ${where.sql} GROUP BY 1`,
    where.bindings
  )
  return new Map(result.rows.map((row: Record<string, unknown>) => [String(row.bucket), registerFiguresOf(row)]))
}

/** Totals per (business day, store), in day then store order: the finest grain of the sales report. */
export async function registerFiguresByDayAndStore(
  filter: RollupFilter
): Promise<{ day: string; storeId: number; figures: RegisterFigures }[]> {
  const where = rollupConditions('r', filter)
  const result = await db.rawQuery(
    `SELECT r.day, r.store_id, ${REGISTER_SUMS}
       FROM daily_register_rollups r
      WHERE ${where.sql}
      GROUP BY r.day, r.store_id
      ORDER BY r.day, r.store_id`,
    where.bindings
  )
  return result.rows.map((row: Record<string, unknown>) => ({
    day: String(row.day),
    storeId: Number(row.store_id),
    figures: registerFiguresOf(row),
  }))
}

/**
 * Per day, per store and in total, in one pass (GROUPING SETS): a year of
 * five stores is 371 rows instead of 1825 (day, store) cells to ship and
 * parse. Days or stores without any rollup row are absent.
 */
export async function registerFiguresByDayStoreAndTotal(filter: RollupFilter) {
  const where = rollupConditions('r', filter)
  const result = await db.rawQuery(
    `SELECT r.day, r.store_id, GROUPING(r.day, r.store_id) AS level, ${REGISTER_SUMS}
       FROM daily_register_rollups r
      WHERE ${where.sql}
      GROUP BY GROUPING SETS ((r.day), (r.store_id), ())`,
    where.bindings
  )
  const byDay = new Map<string, RegisterFigures>()
  const byStore = new Map<number, RegisterFigures>()
  let totals = NO_REGISTER_FIGURES
  for (const row of result.rows as Record<string, unknown>[]) {
    // GROUPING() sets a bit per column rolled up: 1 = per day, 2 = per store, 3 = grand total.
    const level = Number(row.level)
    if (level === 1) byDay.set(String(row.day), registerFiguresOf(row))
    else if (level === 2) byStore.set(Number(row.store_id), registerFiguresOf(row))
    else totals = registerFiguresOf(row)
  }
  return { byDay, byStore, totals }
}
