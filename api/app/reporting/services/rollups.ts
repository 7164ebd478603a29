import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { businessDaySql } from '#core/business_time'

/*
 * Reports read these daily rollups instead of scanning every sale line.
 * They are written in the same transaction as the sale or return, so a
 * report can never see one without the other. `day` is the business date
 * of the sale (for sales) or of the return (for returns). Sales write
 * theirs inside the database function record_sale() (migration 0010; the
 * tenders since 0025).
 */

export interface ReturnForRollup {
  returnId: number
  storeId: number
  registerId: number
  subtotalCents: number
  totalCents: number
  /** What went back to each tender (the return's refund parts). */
  refunds: { method: string; cents: number }[]
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
  // Each table's rows in a fixed order (products by id, tenders by name), so two returns never lock them crosswise.
  const refunds = [...saleReturn.refunds].sort((a, b) => a.method.localeCompare(b.method))
  await trx.rawQuery(
    `WITH d AS (SELECT ${businessDaySql('created_at')} AS day FROM returns WHERE id = ?),
     p AS (
       INSERT INTO daily_sales_rollups (day, store_id, product_id, quantity_returned, refunded_cents)
       SELECT d.day, ?, r.product_id, r.quantity, r.refunded
         FROM d, unnest(?::int[], ?::int[], ?::bigint[]) AS r(product_id, quantity, refunded)
       ON CONFLICT (day, store_id, product_id) DO UPDATE SET
         quantity_returned = daily_sales_rollups.quantity_returned + EXCLUDED.quantity_returned,
         refunded_cents = daily_sales_rollups.refunded_cents + EXCLUDED.refunded_cents
     ),
     t AS (
       INSERT INTO daily_tender_rollups (day, register_id, store_id, method, refunded_cents)
       SELECT d.day, ?, ?, x.method, x.cents
         FROM d, unnest(?::text[], ?::bigint[]) AS x(method, cents)
       ON CONFLICT (day, register_id, method) DO UPDATE SET
         refunded_cents = daily_tender_rollups.refunded_cents + EXCLUDED.refunded_cents
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
      refunds.map((r) => r.method),
      refunds.map((r) => r.cents),
      saleReturn.registerId,
      saleReturn.storeId,
      saleReturn.subtotalCents,
      saleReturn.totalCents,
    ]
  )
}
