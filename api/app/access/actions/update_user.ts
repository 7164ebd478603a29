import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { ApiError } from '#core/api_error'
import User, { type Role } from '#access/models/user'
import type { Principal } from '#access/principal'
import { assertNotOwnAccount } from '#access/policies'
import { forgetCachedPrincipals, revokeSessionsOf } from '#access/services/token_service'
import {
  assertAnotherActiveAdmin,
  assertStoreMatchesRole,
  assertUnique,
  lockAdminMembership,
  translateUserWriteError,
} from '#access/services/user_rules'

export interface UserChanges {
  username?: string
  email?: string
  fullName?: string
  role?: Role
  storeId?: number | null
  password?: string
  isActive?: boolean
}

/**
 * Applies an administrator's changes to an account in one transaction.
 * Deactivating, demoting or moving a user, or resetting their password,
 * revokes their open sessions (a session's scopes were fixed at login).
 * A password set for someone else is known to whoever set it: its owner
 * must choose their own before anything else (#access/password_gate).
 */
export async function updateUser(principal: Principal, userId: number, changes: UserChanges): Promise<User> {
  if (changes.password !== undefined) assertNotOwnPassword(principal, userId)
  const passwordHash = changes.password !== undefined ? await hash.make(changes.password) : undefined
  try {
    const updated = await db.transaction(async (trx) => {
      await lockAdminMembership(trx)
      const user = await User.query({ client: trx }).where('id', userId).forUpdate().first()
      if (!user) throw ApiError.notFound('User', userId)

      const role = changes.role ?? user.role
      /* Leaving the clerk role without naming a store drops the store. */
      const storeId = changes.storeId !== undefined ? changes.storeId : role === 'clerk' ? user.storeId : null
      assertStoreMatchesRole(role, storeId)

      const deactivated = user.isActive && changes.isActive === false
      const demoted = user.role === 'admin' && role !== 'admin'
      if (deactivated) assertNotOwnAccount(principal, user.id, 'deactivate')
      if (demoted) assertNotOwnAccount(principal, user.id, 'demote')
      if (user.role === 'admin' && user.isActive && (deactivated || demoted)) {
        await assertAnotherActiveAdmin(trx, user.id)
      }
      await assertUnique(trx, { username: changes.username, email: changes.email }, user.id)

      const sessionsMustEnd =
        deactivated || passwordHash !== undefined || role !== user.role || storeId !== user.storeId

      user.merge({
        ...(changes.username !== undefined ? { username: changes.username } : {}),
        ...(changes.email !== undefined ? { email: changes.email } : {}),
        ...(changes.fullName !== undefined ? { fullName: changes.fullName } : {}),
        ...(changes.isActive !== undefined ? { isActive: changes.isActive } : {}),
        ...(passwordHash !== undefined
          ? { password: passwordHash, mustChangePassword: true }
          : {}),
        role,
        storeId,
      })
      await user.useTransaction(trx).save()
      // An admin editing their own account (name, e-mail) keeps the session doing it.
      if (sessionsMustEnd) {
        await revokeSessionsOf(trx, user.id, principal.user?.id === user.id ? principal.tokenId : undefined)
      }
      return user
    })
    await forgetCachedPrincipals()
    return updated
  } catch (error) {
    translateUserWriteError(error, { ...changes })
  }
}

/*
 * One's own password goes through POST /auth/password, which asks for the
 * current one and counts wrong guesses: here a session left open on a shared
 * screen would be enough to take the account over.
 */
function assertNotOwnPassword(principal: Principal, userId: number) {
  if (principal.user?.id === userId) throw ownPasswordRefused(userId)
}

export function ownPasswordRefused(userId: number) {
  return ApiError.conflict('INVALID_TRANSITION', 'Change your own password with POST /api/v1/auth/password: it asks for the current one', {
    user_id: userId,
    action: 'set_password',
    change_password: '/api/v1/auth/password',
  })
}
