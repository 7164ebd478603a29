import db from '@adonisjs/lucid/services/db'
import { rollupConditions, toInt, type RollupFilter, type SalesFigures } from '#reporting/services/figures'

/*
 * Per-store figures from daily_register_rollups, every store included (a
 * store without sales in the period has zeros). The original's PostgreSQL
 * `ORDER BY revenue DESC` put stores without sales (NULL) first; here they
 * always come last, and ties are broken by store id so the order is stable.
 */

export interface StoreFigures extends SalesFigures {
  storeId: number
  storeName: string
}

export interface StoreListOptions {
  /** Restrict the list to one store (a clerk's, or a single-store report). */
  onlyStoreId?: number | null
  /** 'best': net revenue, highest first, stores without sales last; 'worst': lowest first. */
  order: 'best' | 'worst'
  /** Keep stores whose net revenue is strictly below this many cents. */
  belowCents?: number
  limit?: number
}

const NET = '(COALESCE(r.gross, 0) - COALESCE(r.refunds, 0))'

const ORDER = {
  best: `(COALESCE(r.sales_count, 0) > 0) DESC, ${NET} DESC, s.id ASC`,
  worst: `${NET} ASC, s.id ASC`,
}

export async function storeFigures(filter: RollupFilter, options: StoreListOptions): Promise<StoreFigures[]> {
  const where = rollupConditions('r', filter)
  const bindings: unknown[] = [...where.bindings]
  const conditions: string[] = []
  if (options.onlyStoreId !== undefined && options.onlyStoreId !== null) {
    conditions.push('s.id = ?')
    bindings.push(options.onlyStoreId)
  }
  if (options.belowCents !== undefined) {
    conditions.push(`${NET} < ?`)
    bindings.push(options.belowCents)
  }
  if (options.limit !== undefined) bindings.push(options.limit)
  const result = await db.rawQuery(
    `SELECT s.id, s.name, COALESCE(r.sales_count, 0) AS sales_count,
            COALESCE(r.gross, 0) AS gross, COALESCE(r.refunds, 0) AS refunds
       FROM stores s
       LEFT JOIN (
         SELECT r.store_id, SUM(r.sales_count) AS sales_count, SUM(r.subtotal_cents) AS gross,
                SUM(r.refunded_subtotal_cents) AS refunds
           FROM daily_register_rollups r
          WHERE ${where.sql}
          GROUP BY r.store_id
       ) r ON r.store_id = s.id
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY ${ORDER[options.order]}
      ${options.limit !== undefined ? 'LIMIT ?' : ''}`,
    bindings
  )
  return result.rows.map((row: Record<string, unknown>) => ({
    storeId: Number(row.id),
    storeName: String(row.name),
    salesCount: toInt(row.sales_count),
    grossCents: toInt(row.gross),
    refundCents: toInt(row.refunds),
  }))
}

