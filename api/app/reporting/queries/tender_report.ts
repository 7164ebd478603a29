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
}

/*
 * GET /reports/payments-by-tender from daily_tender_rollups (migration
 * 0025): what each tender took and gave back per business day and store —
 * a card terminal's batch, the cash that stayed in the drawers. Sales count
 * on their day, returns on theirs, as in the other reports.
 */
export async function tenderReport(range: BoundedRange, storeId: number | null): Promise<TenderReport> {
  const result = await db.rawQuery(
    `SELECT to_char(t.day, 'YYYY-MM-DD') AS day, t.store_id, st.name AS store_name, t.method,
            SUM(t.taken_cents)::bigint AS taken, SUM(t.refunded_cents)::bigint AS refunded
       FROM daily_tender_rollups t JOIN stores st ON st.id = t.store_id
      WHERE t.day BETWEEN ?::date AND ?::date${storeId === null ? '' : ' AND t.store_id = ?'}
      GROUP BY t.day, t.store_id, st.name, t.method
     HAVING SUM(t.taken_cents) <> 0 OR SUM(t.refunded_cents) <> 0
      ORDER BY t.day, t.store_id, array_position(?::text[], t.method::text)`,
    [range.from, range.to, ...(storeId === null ? [] : [storeId]), [...TENDERS]]
  )
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
  return { range, storeId, totals, cells }
}
