import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
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
 * GET /reports/payments-by-tender, read from the sales themselves (payments,
 * change, refund parts): what each tender took and gave back per business
 * day and store — a card terminal's batch, the cash that stayed in the
 * drawers. Sales count on their day, returns on theirs, as in the other
 * reports. The rollups carry no tender, and the period is a month by default:
 * the (store_id, created_at) and created_at indexes bound the reads.
 */
export async function tenderReport(range: BoundedRange, storeId: number | null): Promise<TenderReport> {
  const tz = BUSINESS_TIMEZONE
  // One period condition per source (sales by their time, returns by theirs), with its bindings.
  const within = (column: string) => ({
    sql: `${column} >= CAST(? AS date)::timestamp AT TIME ZONE ? AND ${column} < (CAST(? AS date) + 1)::timestamp AT TIME ZONE ?${storeId === null ? '' : ' AND s.store_id = ?'}`,
    bindings: [range.from, tz, range.to, tz, ...(storeId === null ? [] : [storeId])],
  })
  const sold = within('s.created_at')
  const returned = within('r.created_at')
  const result = await db.rawQuery(
    `WITH moves AS (
       SELECT (s.created_at AT TIME ZONE ?)::date AS day, s.store_id, p.method, p.amount_cents AS taken, 0 AS refunded
         FROM payments p JOIN sales s ON s.id = p.sale_id
        WHERE ${sold.sql}
       UNION ALL
       SELECT (s.created_at AT TIME ZONE ?)::date, s.store_id, 'cash', -s.change_cents, 0
         FROM sales s
        WHERE ${sold.sql} AND s.change_cents > 0
       UNION ALL
       SELECT (r.created_at AT TIME ZONE ?)::date, s.store_id, rr.method, 0, rr.amount_cents
         FROM return_refunds rr JOIN returns r ON r.id = rr.return_id JOIN sales s ON s.id = r.sale_id
        WHERE ${returned.sql}
     )
     SELECT to_char(m.day, 'YYYY-MM-DD') AS day, m.store_id, st.name AS store_name, m.method,
            SUM(m.taken)::bigint AS taken, SUM(m.refunded)::bigint AS refunded
       FROM moves m JOIN stores st ON st.id = m.store_id
      GROUP BY m.day, m.store_id, st.name, m.method`,
    [tz, ...sold.bindings, tz, ...sold.bindings, tz, ...returned.bindings]
  )
  const cells: TenderCell[] = result.rows
    .map((row: Record<string, unknown>) => ({
      day: String(row.day),
      storeId: Number(row.store_id),
      storeName: String(row.store_name),
      method: row.method as PaymentMethod,
      takenCents: Number(row.taken),
      refundedCents: Number(row.refunded),
    }))
    .sort((a: TenderCell, b: TenderCell) => a.day.localeCompare(b.day) || a.storeId - b.storeId || TENDERS.indexOf(a.method) - TENDERS.indexOf(b.method))
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
