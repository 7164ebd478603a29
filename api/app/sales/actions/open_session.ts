import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import { assertStoreAccess } from '#access/policies'
import { loadRegisterContext } from '#sales/queries/register_context'

const ONE_OPEN_SESSION_INDEX = 'register_sessions_one_open'

/** Opens the drawer of a register with a cash float; a register has at most one open session. */
export async function openSession(
  registerId: number,
  input: { openingFloatCents: number; note: string | null },
  principal: Principal
): Promise<number> {
  if (!principal.user) {
    throw ApiError.forbidden('A register session is opened by a signed-in user, not an integration token')
  }
  const register = await loadRegisterContext(registerId, 'id')
  assertStoreAccess(principal, register.storeId)
  try {
    return await db.transaction(async (trx) => {
      const [row] = await trx
        .insertQuery()
        .table('register_sessions')
        .insert({
          register_id: registerId,
          opened_by: principal.user!.id,
          opening_float_cents: input.openingFloatCents,
          note: input.note,
        })
        .returning('id')
      return row.id as number
    })
  } catch (error) {
    if ((error as { constraint?: string }).constraint === ONE_OPEN_SESSION_INDEX) {
      const open = await db.from('register_sessions').where('register_id', registerId).whereNull('closed_at').first()
      throw ApiError.conflict('REGISTER_ALREADY_OPEN', 'This register already has an open session', {
        register_id: registerId,
        session_id: open?.id ?? null,
      })
    }
    throw error
  }
}
