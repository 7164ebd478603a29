import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import { assertStoreAccess } from '#access/policies'
import { sessionFigures } from '#sales/queries/session_report'

/**
 * Closes a drawer session with the cash counted. The session row is locked
 * FOR UPDATE, which waits for sales and returns holding it FOR SHARE, so
 * the expected cash includes every sale and refund of the session.
 */
export async function closeSession(
  sessionId: number,
  input: { countedCashCents: number; note: string | null },
  principal: Principal
) {
  if (!principal.user) throw ApiError.forbidden('A register session is closed by a signed-in user')
  await db.transaction(async (trx) => {
    const locked = await trx.rawQuery<{ rows: { id: number; closed_at: Date | null; store_id: number }[] }>(
      `SELECT s.id, s.closed_at, r.store_id FROM register_sessions s JOIN registers r ON r.id = s.register_id
        WHERE s.id = ? FOR UPDATE OF s`,
      [sessionId]
    )
    const session = locked.rows[0]
    if (!session) throw ApiError.notFound('Register session', sessionId)
    assertStoreAccess(principal, session.store_id)
    if (session.closed_at) {
      throw ApiError.conflict('INVALID_TRANSITION', 'This register session is already closed', {
        from: 'fermee',
        action: 'close',
      })
    }
    const figures = await sessionFigures(sessionId, trx)
    await trx
      .from('register_sessions')
      .where('id', sessionId)
      .update({
        closed_by: principal.user!.id,
        closed_at: trx.raw('now()'),
        counted_cash_cents: input.countedCashCents,
        expected_cash_cents: figures.expectedCashCents,
        note: input.note ?? figures.session.note,
      })
  })
  return sessionFigures(sessionId)
}
