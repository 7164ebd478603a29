import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type RegisterSession from '#sales/models/register_session'

export interface SessionRecord {
  id: number
  registerId: number
  openedBy: number
  openedAt: Date
  openingFloatCents: number
  closedBy: number | null
  closedAt: Date | null
  countedCashCents: number | null
  expectedCashCents: number | null
  note: string | null
}

/** A register_sessions row as PostgreSQL returns it. */
interface SessionRow {
  id: number
  register_id: number
  opened_by: number
  opened_at: Date
  opening_float_cents: number
  closed_by: number | null
  closed_at: Date | null
  counted_cash_cents: number | null
  expected_cash_cents: number | null
  note: string | null
}

/** A register_sessions row as the rest of the code names it. */
export function sessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    registerId: row.register_id,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    openingFloatCents: row.opening_float_cents,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    countedCashCents: row.counted_cash_cents,
    expectedCashCents: row.expected_cash_cents,
    note: row.note,
  }
}

/** The same record from the RegisterSession model (a paginated list reads the model). */
export function sessionRecordOfModel(session: RegisterSession): SessionRecord {
  return {
    id: session.id,
    registerId: session.registerId,
    openedBy: session.openedBy,
    openedAt: session.openedAt.toJSDate(),
    openingFloatCents: session.openingFloatCents,
    closedBy: session.closedBy,
    closedAt: session.closedAt?.toJSDate() ?? null,
    countedCashCents: session.countedCashCents,
    expectedCashCents: session.expectedCashCents,
    note: session.note,
  }
}

export interface SessionFigures {
  session: SessionRecord
  salesCount: number
  subtotalCents: number
  taxCents: number
  totalCents: number
  /** Σ tenders − total: the sales' cash rounded to the nickel (ADR 0023). */
  cashRoundingCents: number
  taxes: { code: string; amountCents: number }[]
  /** Per method, net of the change handed back for cash. */
  tenders: { method: string; amountCents: number }[]
  returnsCount: number
  refundedCents: number
  /** Σ refund parts − refunded: the refunds' cash rounded to the nickel. */
  refundRoundingCents: number
  /** Per method, what went back to each tender (a split refund counts in each). */
  refundTenders: { method: string; amountCents: number }[]
  cashRefundedCents: number
  expectedCashCents: number
}

/**
 * What a drawer session should hold: float + cash taken − change given − the cash parts of
 * refunds paid from it (a refund split card + cash takes only its cash part). One query: a cash
 * refund reads it under the drawer's lock (ADR 0022), the X/Z report shows it.
 */
export async function drawerCashCents(sessionId: number, client: QueryClientContract = db.connection()): Promise<number> {
  const result = await client.rawQuery(
    `SELECT rs.opening_float_cents
            + coalesce((SELECT sum(p.amount_cents) FROM payments p JOIN sales s ON s.id = p.sale_id
                         WHERE s.register_session_id = rs.id AND p.method = 'cash'), 0)
            - coalesce((SELECT sum(s.change_cents) FROM sales s WHERE s.register_session_id = rs.id), 0)
            - coalesce((SELECT sum(rr.amount_cents) FROM return_refunds rr JOIN returns r ON r.id = rr.return_id
                         WHERE r.register_session_id = rs.id AND rr.method = 'cash'), 0) AS cents
       FROM register_sessions rs WHERE rs.id = ?`,
    [sessionId]
  )
  if (result.rows.length === 0) throw ApiError.notFound('Register session', sessionId)
  return Number(result.rows[0].cents)
}

/** The X (open) or Z (closed) report of a drawer session, from its sales, payments and refunds. */
export async function sessionFigures(
  sessionId: number,
  client: QueryClientContract = db.connection()
): Promise<SessionFigures> {
  const session = await client.from('register_sessions').where('id', sessionId).first()
  if (!session) throw ApiError.notFound('Register session', sessionId)
  const [totals, taxes, tenders, refunds, refundTenders, expectedCashCents] = await Promise.all([
    client
      .from('sales')
      .where('register_session_id', sessionId)
      .count('* as count')
      .sum({ subtotal: 'subtotal_cents', tax: 'tax_cents', total: 'total_cents', rounding: 'cash_rounding_cents' })
      .first(),
    client
      .from('sale_taxes')
      .join('sales', 'sales.id', 'sale_taxes.sale_id')
      .where('sales.register_session_id', sessionId)
      .groupBy('sale_taxes.code')
      .orderBy('sale_taxes.code')
      .select('sale_taxes.code')
      .sum('sale_taxes.amount_cents as amount'),
    client.rawQuery(
      `SELECT p.method, SUM(p.amount_cents) - CASE WHEN p.method = 'cash' THEN COALESCE((
                SELECT SUM(change_cents) FROM sales WHERE register_session_id = ?), 0) ELSE 0 END AS amount
         FROM payments p JOIN sales s ON s.id = p.sale_id
        WHERE s.register_session_id = ?
        GROUP BY p.method ORDER BY p.method`,
      [sessionId, sessionId]
    ),
    client.from('returns').where('register_session_id', sessionId).count('* as count').sum({ total: 'total_cents', rounding: 'cash_rounding_cents' }).first(),
    // Only the cash part of a split refund left the drawer (ADR 0017).
    client
      .from('return_refunds')
      .join('returns', 'returns.id', 'return_refunds.return_id')
      .where('returns.register_session_id', sessionId)
      .groupBy('return_refunds.method')
      .orderBy('return_refunds.method')
      .select('return_refunds.method')
      .sum('return_refunds.amount_cents as amount'),
    drawerCashCents(sessionId, client),
  ])
  const tenderRows = (tenders.rows as { method: string; amount: number }[]).map((t) => ({
    method: t.method,
    amountCents: Number(t.amount),
  }))
  const refundRows = refundTenders.map((r) => ({ method: r.method as string, amountCents: Number(r.amount) }))
  const cashRefunded = refundRows.find((r) => r.method === 'cash')?.amountCents ?? 0
  return {
    session: sessionRecord(session),
    salesCount: Number(totals?.count ?? 0),
    subtotalCents: Number(totals?.subtotal ?? 0),
    taxCents: Number(totals?.tax ?? 0),
    totalCents: Number(totals?.total ?? 0),
    cashRoundingCents: Number(totals?.rounding ?? 0),
    taxes: taxes.map((t) => ({ code: t.code, amountCents: Number(t.amount) })),
    tenders: tenderRows,
    returnsCount: Number(refunds?.count ?? 0),
    refundedCents: Number(refunds?.total ?? 0),
    refundRoundingCents: Number(refunds?.rounding ?? 0),
    refundTenders: refundRows,
    cashRefundedCents: cashRefunded,
    expectedCashCents,
  }
}
