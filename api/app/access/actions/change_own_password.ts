import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import User from '#access/models/user'
import type { Principal } from '#access/principal'
import { fieldError } from '#access/validators/field_error'
import { LoginThrottle } from '#access/services/login_throttle'
import { forgetCachedPrincipals, revokeSessionsOf } from '#access/services/token_service'

const NOT_A_PERSON = 'Only a signed-in user has a password to change; integration tokens have none'

/**
 * A signed-in user replaces their own password. The current password is
 * asked for (a session left open on a shared register must not be enough),
 * and a wrong one counts against the same budgets as a failed login, so
 * this is no side door for guessing. The user's other sessions end with
 * the change; the one that made it goes on. A password an administrator
 * set is the user's own from now on (the flag is cleared).
 */
export async function changeOwnPassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string; ip: string }
): Promise<void> {
  if (principal.kind !== 'session' || principal.user === null) throw ApiError.business(NOT_A_PERSON)
  const throttle = new LoginThrottle({ userId: principal.user.id }, input.ip)
  await throttle.acquire()

  const user = await User.findOrFail(principal.user.id)
  if (!(await hash.verify(user.password, input.currentPassword))) {
    // The same change sent twice (a double click, a retry after a lost answer) finds it made: done.
    if (await hash.verify(user.password, input.newPassword)) return throttle.succeeded()
    throw fieldError('mot_de_passe_actuel', 'The current password is not correct', 'current_password')
  }
  await throttle.succeeded()
  if (input.newPassword === input.currentPassword) {
    throw fieldError('nouveau_mot_de_passe', 'The new password must differ from the current one', 'different')
  }

  const passwordHash = await hash.make(input.newPassword)
  await db.transaction(async (trx) => {
    /* The hash checked above is the one replaced: a concurrent change wins, this one is refused. */
    const updated = await trx
      .from('users')
      .where('id', user.id)
      .where('password', user.password)
      .update({ password: passwordHash, must_change_password: false, updated_at: new Date() })
    if (Number(updated) !== 1) {
      throw fieldError('mot_de_passe_actuel', 'The current password is not correct', 'current_password')
    }
    await revokeSessionsOf(trx, user.id, principal.tokenId)
  })
  await forgetCachedPrincipals()
}
