import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import { fieldError } from '#core/validation'
import { LoginThrottle } from '#access/services/login_throttle'
import { forgetCachedPrincipals, revokeSessionsOf } from '#access/services/token_service'

const NOT_A_PERSON = 'Only a signed-in user has a password to change; integration tokens have none'

/* How long after a change the same session sending it again is answered as the first time. */
const REPLAY_WINDOW_MS = 2 * 60 * 1000

interface PasswordRow {
  password: string
  must_change_password: boolean
  password_changed_at: Date | null
  password_changed_by_token_id: number | null
}

/**
 * A signed-in user replaces their own password. The current password is
 * asked for (a session left open on a shared register must not be enough),
 * and a wrong one counts against the same budgets as a failed login, so
 * this is no side door for guessing. The user's other sessions end with
 * the change; the one that made it goes on. A password an administrator
 * set is the user's own from now on (the flag is cleared).
 *
 * The user's row is locked while the current password is checked: a second
 * request sent with the first (a double click) waits, then finds the change
 * made by this very session moments ago and answers 204 like the first,
 * instead of a 422 on a password that did change.
 */
export async function changeOwnPassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string; ip: string }
): Promise<void> {
  if (principal.kind !== 'session' || principal.user === null) throw ApiError.business(NOT_A_PERSON)
  const userId = principal.user.id
  const throttle = new LoginThrottle({ userId }, input.ip, 'password-change')
  await throttle.acquire()

  // The right password, or the same change sent again, is not a failed guess (even if the new one is refused).
  let notAGuess = false
  try {
    const changed = await db.transaction(async (trx) => {
      const row: PasswordRow = await trx
        .from('users')
        .where('id', userId)
        .forUpdate()
        .select('password', 'must_change_password', 'password_changed_at', 'password_changed_by_token_id')
        .firstOrFail()
      if (!(await hash.verify(row.password, input.currentPassword))) {
        notAGuess = sentAgain(row, principal.tokenId) && (await hash.verify(row.password, input.newPassword))
        if (notAGuess) return false
        throw fieldError('mot_de_passe_actuel', 'The current password is not correct', 'current_password')
      }
      notAGuess = true
      if (input.newPassword === input.currentPassword) {
        throw fieldError('nouveau_mot_de_passe', 'The new password must differ from the current one', 'different')
      }
      await trx
        .from('users')
        .where('id', userId)
        .update({
          password: await hash.make(input.newPassword),
          must_change_password: false,
          password_changed_at: new Date(),
          password_changed_by_token_id: principal.tokenId,
          updated_at: new Date(),
        })
      await revokeSessionsOf(trx, userId, principal.tokenId)
      return true
    })
    if (changed) await forgetCachedPrincipals()
  } finally {
    if (notAGuess) await throttle.succeeded()
  }
}

/** This session changed the password moments ago (and nobody has reset it since). */
function sentAgain(row: PasswordRow, tokenId: number) {
  return (
    !row.must_change_password &&
    row.password_changed_by_token_id === tokenId &&
    row.password_changed_at !== null &&
    Date.now() - row.password_changed_at.getTime() < REPLAY_WINDOW_MS
  )
}
