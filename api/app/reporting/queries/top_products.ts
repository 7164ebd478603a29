import db from '@adonisjs/lucid/services/db'
import { rollupConditions, toInt, type RollupFilter } from '#reporting/services/figures'

/*
 * Per-product figures from daily_sales_rollups (one row per day, store and
 * product). `orders` is the number of sales that contained the product:
 * exact, because a rollup row counts each sale once and a sale has one day
 * and one store. Products without sales in the period are listed after all
 * sold ones (the original listed them first), active products only unless
 * they sold something; ties are broken by product id.
 */

export interface ProductFigures {
  productId: number
  code: string
  name: string
  quantitySold: number
  quantityReturned: number
  grossCents: number
  refundCents: number
  orders: number
}

const NET_REVENUE = '(COALESCE(x.gross, 0) - COALESCE(x.refunds, 0))'
const NET_QUANTITY = '(COALESCE(x.quantity_sold, 0) - COALESCE(x.quantity_returned, 0))'

const ORDER = {
  revenue: `(COALESCE(x.orders, 0) > 0) DESC, ${NET_REVENUE} DESC, p.id ASC`,
  volume: `(COALESCE(x.orders, 0) > 0) DESC, ${NET_QUANTITY} DESC, ${NET_REVENUE} DESC, p.id ASC`,
}

export async function productFigures(
  filter: RollupFilter,
  options: { order: 'revenue' | 'volume'; limit: number }
): Promise<ProductFigures[]> {
  const where = rollupConditions('r', filter)
  const result = await db.rawQuery(
    `SELECT p.id, p.code, p.name,
            COALESCE(x.quantity_sold, 0) AS quantity_sold, COALESCE(x.quantity_returned, 0) AS quantity_returned,
            COALESCE(x.gross, 0) AS gross, COALESCE(x.refunds, 0) AS refunds, COALESCE(x.orders, 0) AS orders
       FROM products p
       LEFT JOIN (
         SELECT r.product_id, SUM(r.quantity_sold) AS quantity_sold, SUM(r.quantity_returned) AS quantity_returned,
                SUM(r.revenue_cents) AS gross, SUM(r.refunded_cents) AS refunds, SUM(r.sale_count) AS orders
           FROM daily_sales_rollups r
          WHERE ${where.sql}
          GROUP BY r.product_id
       ) x ON x.product_id = p.id
      WHERE p.is_active OR x.product_id IS NOT NULL
      ORDER BY ${ORDER[options.order]}
      LIMIT ?`,
    [...where.bindings, options.limit]
  )
  return result.rows.map((row: Record<string, unknown>) => ({
    productId: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    quantitySold: toInt(row.quantity_sold),
    quantityReturned: toInt(row.quantity_returned),
    grossCents: toInt(row.gross),
    refundCents: toInt(row.refunds),
    orders: toInt(row.orders),
  }))
}
