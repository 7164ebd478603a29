import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { centsToWire } from '#core/money'
import { drawerCashCents } from '#sales/queries/session_report'
import type { Principal } from '#access/principal'
import { canAccessStore } from '#access/policies'

/**
 * Where the goods come back and from whose drawer a cash refund is paid: the register named
 * (a clerk may take back, at their own register, a sale rung up at the next one), else the
 * sale's. The goods go back to the stock of the store that sold them, so the register must be
 * one of that store's.
 */
export async function returnRegisterOf(
  trx: TransactionClientContract,
  sale: { register_id: number; store_id: number },
  asked: number | undefined,
  principal: Principal
): Promise<number> {
  if (asked === undefined || asked === sale.register_id) return sale.register_id
  const register = await trx.from('registers').where('id', asked).select('store_id', 'is_active').first()
  if (!register || !canAccessStore(principal, register.store_id)) throw ApiError.notFound('Register', asked, 'caisse_id')
  const refusal = (message: string, rule: string) => new errors.E_VALIDATION_ERROR([{ field: 'caisse_id', message, rule }])
  if (register.store_id !== sale.store_id) {
    throw refusal('The goods go back to the store that sold them: take this return at one of its registers', 'store')
  }
  // As for a sale: a register taken out of service records nothing more.
  if (!register.is_active) throw refusal(`Register ${asked} is inactive`, 'exists')
  return asked
}

/**
 * Cash comes out of a drawer, so a cash refund needs the register's session
 * to be open. FOR SHARE, like record_sale(): closing locks the session FOR
 * UPDATE, so a refund either commits before the count reads the session's
 * refunds, or waits and finds the drawer closed — never lands in a closed
 * session outside its expected cash.
 */
export async function openSessionOf(trx: TransactionClientContract, registerId: number, required: boolean) {
  const open = await trx
    .from('register_sessions')
    .where('register_id', registerId)
    .whereNull('closed_at')
    .select('id')
    .forShare()
    .first()
  if (!open && required) {
    throw ApiError.conflict('REGISTER_CLOSED', 'A cash refund needs an open session on the register it is paid at (caisse_id, else the sale’s)', {
      register_id: registerId,
    })
  }
  return (open?.id as number | undefined) ?? null
}

/**
 * A cash refund is paid from the bills in the drawer: it may not take out more than the session
 * holds (its X report's expected cash: float + cash taken − change given − cash refunded), or the
 * count at closing would show a shortage nobody caused. Cash refunds of one session wait for each
 * other (an advisory lock on the session, taken after the sale's row lock), so two of them cannot
 * both spend the same bills; sales only add cash and do not wait. After the wait, READ COMMITTED
 * reads the refunds committed.
 */
export async function assertDrawerCovers(
  trx: TransactionClientContract,
  registerId: number,
  sessionId: number,
  cashCents: number,
  /** A clerk counts blind (ADR 0026): the refusal does not say what the drawer holds. */
  blind = false
) {
  if (cashCents <= 0) return
  await trx.rawQuery("SELECT pg_advisory_xact_lock(hashtext('comptoir.drawer'), ?::int)", [sessionId])
  // The X report's own figure, so the refusal and the report never disagree on what the drawer holds.
  const inDrawer = Math.max(await drawerCashCents(sessionId, trx), 0)
  if (cashCents > inDrawer) {
    const next = 'refund to another tender, or at a register whose drawer holds the cash (caisse_id)'
    const details = { register_id: registerId, session_id: sessionId, cash_refund_cents: cashCents }
    if (blind) {
      throw ApiError.conflict('INSUFFICIENT_CASH', `The drawer does not hold the ${centsToWire(cashCents)} to refund in cash: ${next}`, details)
    }
    throw ApiError.conflict(
      'INSUFFICIENT_CASH',
      `The drawer holds ${centsToWire(inDrawer)} in cash, less than the ${centsToWire(cashCents)} to refund in cash: ${next}`,
      { ...details, drawer_cash_cents: inDrawer }
    )
  }
}
