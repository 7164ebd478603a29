import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDaySql } from '#core/business_time'

/*
 * Reports read these daily rollups instead of scanning every sale line.
 * They are written in the same transaction as the sale or return, so a
 * report can never see one without the other. `day` is the business date
 * of the sale (for sales) or of the return (for returns).
 */

export interface SaleForRollup {
  saleId: number
  storeId: number
  registerId: number
  subtotalCents: number
  taxCents: number
  totalCents: number
  lines: { productId: number; quantity: number; lineTotalCents: number }[]
}

export async function recordSale(trx: TransactionClientContract, sale: SaleForRollup) {
  const byProduct = new Map<number, { quantity: number; revenue: number }>()
  for (const line of sale.lines) {
    const entry = byProduct.get(line.productId) ?? { quantity: 0, revenue: 0 }
    entry.quantity += line.quantity
    entry.revenue += line.lineTotalCents
    byProduct.set(line.productId, entry)
  }
  const productIds = [...byProduct.keys()].sort((a, b) => a - b)
  await trx.rawQuery(
    `WITH d AS (SELECT ${businessDaySql('created_at')} AS day FROM sales WHERE id = ?),
     p AS (
       INSERT INTO daily_sales_rollups (day, store_id, product_id, quantity_sold, revenue_cents, sale_count)
       SELECT d.day, ?, r.product_id, r.quantity, r.revenue, 1
         FROM d, unnest(?::int[], ?::int[], ?::bigint[]) AS r(product_id, quantity, revenue)
       ON CONFLICT (day, store_id, product_id) DO UPDATE SET
         quantity_sold = daily_sales_rollups.quantity_sold + EXCLUDED.quantity_sold,
         revenue_cents = daily_sales_rollups.revenue_cents + EXCLUDED.revenue_cents,
         sale_count = daily_sales_rollups.sale_count + 1
     )
     INSERT INTO daily_register_rollups (day, register_id, store_id, sales_count, subtotal_cents, tax_cents, total_cents)
     SELECT d.day, ?, ?, 1, ?, ?, ? FROM d
     ON CONFLICT (day, register_id) DO UPDATE SET
       sales_count = daily_register_rollups.sales_count + 1,
       subtotal_cents = daily_register_rollups.subtotal_cents + EXCLUDED.subtotal_cents,
       tax_cents = daily_register_rollups.tax_cents + EXCLUDED.tax_cents,
       total_cents = daily_register_rollups.total_cents + EXCLUDED.total_cents`,
    [
      sale.saleId,
      sale.storeId,
      productIds,
      productIds.map((id) => byProduct.get(id)!.quantity),
      productIds.map((id) => byProduct.get(id)!.revenue),
      sale.registerId,
      sale.storeId,
      sale.subtotalCents,
      sale.taxCents,
      sale.totalCents,
    ]
  )
}

export interface ReturnForRollup {
  returnId: number
  storeId: number
  registerId: number
  subtotalCents: number
  totalCents: number
  lines: { productId: number; quantity: number; subtotalCents: number }[]
}

export async function recordReturn(trx: TransactionClientContract, saleReturn: ReturnForRollup) {
  const byProduct = new Map<number, { quantity: number; refunded: number }>()
  for (const line of saleReturn.lines) {
    const entry = byProduct.get(line.productId) ?? { quantity: 0, refunded: 0 }
    entry.quantity += line.quantity
    entry.refunded += line.subtotalCents
    byProduct.set(line.productId, entry)
  }
  const productIds = [...byProduct.keys()].sort((a, b) => a - b)
  await trx.rawQuery(
    `WITH d AS (SELECT ${businessDaySql('created_at')} AS day FROM returns WHERE id = ?),
     p AS (
       INSERT INTO daily_sales_rollups (day, store_id, product_id, quantity_returned, refunded_cents)
       SELECT d.day, ?, r.product_id, r.quantity, r.refunded
         FROM d, unnest(?::int[], ?::int[], ?::bigint[]) AS r(product_id, quantity, refunded)
       ON CONFLICT (day, store_id, product_id) DO UPDATE SET
         quantity_returned = daily_sales_rollups.quantity_returned + EXCLUDED.quantity_returned,
         refunded_cents = daily_sales_rollups.refunded_cents + EXCLUDED.refunded_cents
     )
     INSERT INTO daily_register_rollups (day, register_id, store_id, returns_count, refunded_subtotal_cents, refunded_total_cents)
     SELECT d.day, ?, ?, 1, ?, ? FROM d
     ON CONFLICT (day, register_id) DO UPDATE SET
       returns_count = daily_register_rollups.returns_count + 1,
       refunded_subtotal_cents = daily_register_rollups.refunded_subtotal_cents + EXCLUDED.refunded_subtotal_cents,
       refunded_total_cents = daily_register_rollups.refunded_total_cents + EXCLUDED.refunded_total_cents`,
    [
      saleReturn.returnId,
      saleReturn.storeId,
      productIds,
      productIds.map((id) => byProduct.get(id)!.quantity),
      productIds.map((id) => byProduct.get(id)!.refunded),
      saleReturn.registerId,
      saleReturn.storeId,
      saleReturn.subtotalCents,
      saleReturn.totalCents,
    ]
  )
}
