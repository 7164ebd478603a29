import db from '@adonisjs/lucid/services/db'
import type { PaymentMethod } from '#sales/models/payment'
import type { BoundedRange } from '#reporting/services/report_period'

/** Every tender, in the order the report lists them (the till's order: cash first). */
export const TENDERS: readonly PaymentMethod[] = ['cash', 'card', 'other']

export interface TenderFigures {
  /** What the tender took for the period's sales: cash net of the change handed back. */
  takenCents: number
  /** What went back to it by the period's returns (their refund parts, ADR 0017). */
  refundedCents: number
}

export interface TenderCell extends TenderFigures {
  day: string
  storeId: number
  storeName: string
  method: PaymentMethod
}

export interface TenderReport {
  range: BoundedRange
  storeId: number | null
  totals: ({ method: PaymentMethod } & TenderFigures)[]
  cells: TenderCell[]
  /** What the tenders netted beyond the sales' totals less refunds: cash rounded to the nickel (ADR 0023). */
  cashRoundingCents: number
}

/*
 * GET /reports/payments-by-tender from daily_tender_rollups (migration
 * 0025): what each tender took and gave back per business day and store —
 * a card terminal's batch, the cash that stayed in the drawers. Sales count
 * on their day, returns on theirs, as in the other reports.
 */
export async function tenderReport(range: BoundedRange, storeId: number | null): Promise<TenderReport> {
  const storeFilter = (alias: string) => (storeId === null ? '' : ` AND ${alias}.store_id = ?`)
  const storeBinding = storeId === null ? [] : [storeId]
  const [result, sales] = await Promise.all([
    db.rawQuery(
      `SELECT to_char(t.day, 'YYYY-MM-DD') AS day, t.store_id, st.name AS store_name, t.method,
              SUM(t.taken_cents)::bigint AS taken, SUM(t.refunded_cents)::bigint AS refunded
         FROM daily_tender_rollups t JOIN stores st ON st.id = t.store_id
        WHERE t.day BETWEEN ?::date AND ?::date${storeFilter('t')}
        GROUP BY t.day, t.store_id, st.name, t.method
       HAVING SUM(t.taken_cents) <> 0 OR SUM(t.refunded_cents) <> 0
        ORDER BY t.day, t.store_id, array_position(?::text[], t.method::text)`,
      [range.from, range.to, ...storeBinding, [...TENDERS]]
    ),
    // The same days and stores as the sales report counts them (daily_register_rollups).
    db.rawQuery(
      `SELECT coalesce(sum(r.total_cents - r.refunded_total_cents), 0)::bigint AS net
         FROM daily_register_rollups r WHERE r.day BETWEEN ?::date AND ?::date${storeFilter('r')}`,
      [range.from, range.to, ...storeBinding]
    ),
  ])
  const cells: TenderCell[] = result.rows.map((row: Record<string, unknown>) => ({
    day: String(row.day),
    storeId: Number(row.store_id),
    storeName: String(row.store_name),
    method: row.method as PaymentMethod,
    takenCents: Number(row.taken),
    refundedCents: Number(row.refunded),
  }))
  const totals = TENDERS.map((method) => {
    const mine = cells.filter((cell) => cell.method === method)
    return {
      method,
      takenCents: mine.reduce((sum, cell) => sum + cell.takenCents, 0),
      refundedCents: mine.reduce((sum, cell) => sum + cell.refundedCents, 0),
    }
  })
  const tendersNet = totals.reduce((sum, t) => sum + t.takenCents - t.refundedCents, 0)
  return { range, storeId, totals, cells, cashRoundingCents: tendersNet - Number(sales.rows[0].net) }
}
