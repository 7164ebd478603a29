import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import type { Role } from '#access/models/user'
import { fieldError } from '#core/validation'

/*
 * Rules shared by creating and updating users; every function runs inside
 * the caller's transaction.
 */

/** A clerk belongs to exactly one store; managers and admins to none. */
export function assertStoreMatchesRole(role: Role, storeId: number | null) {
  if (role === 'clerk' && storeId === null) {
    throw fieldError('magasin_id', 'The magasin_id field is required for a clerk', 'requiredForClerk')
  }
  if (role !== 'clerk' && storeId !== null) {
    throw fieldError('magasin_id', `A ${role} is not bound to a store; magasin_id must be null`, 'onlyForClerk')
  }
}

/**
 * Usernames and e-mail addresses are unique, e-mails regardless of case. Both are checked before
 * answering, so a form learns of both at once (`details.duplicates`), not one per attempt.
 */
export async function assertUnique(
  trx: TransactionClientContract,
  values: { username?: string; email?: string },
  exceptUserId?: number
) {
  const checks = [
    { field: 'nom_utilisateur', column: 'username', value: values.username },
    { field: 'email', column: 'email', value: values.email },
  ]
  const duplicates: { field: string; value: string }[] = []
  for (const { field, column, value } of checks) {
    if (value === undefined) continue
    const taken = await trx
      .from('users')
      .whereRaw(`lower(${column}) = ?`, [value.toLowerCase()])
      .if(exceptUserId !== undefined, (q) => q.whereNot('id', exceptUserId!))
      .first()
    if (taken) duplicates.push({ field, value })
  }
  const [first] = duplicates
  if (first) throw ApiError.duplicate('User', first.field, first.value, duplicates)
}

/**
 * Translates the database's own refusals (a race on a unique value, a store
 * that does not exist) into the errors the checks above would have given.
 */
export function translateUserWriteError(error: unknown, values: { username?: string; email?: string; storeId?: number | null }): never {
  const e = error as { code?: string; constraint?: string }
  if (e?.code === '23505' && e.constraint === 'users_username_unique') {
    throw ApiError.duplicate('User', 'nom_utilisateur', values.username)
  }
  if (e?.code === '23505' && e.constraint === 'users_email_unique') {
    throw ApiError.duplicate('User', 'email', values.email)
  }
  if (e?.code === '23503' && e.constraint === 'users_store_id_foreign') {
    throw fieldError('magasin_id', `No store with identifier ${values.storeId}`, 'exists')
  }
  throw error
}

/**
 * Serialises changes to who is an active administrator, so two concurrent
 * requests cannot each remove "another" admin and leave none.
 */
export async function lockAdminMembership(trx: TransactionClientContract) {
  await trx.rawQuery("SELECT pg_advisory_xact_lock(hashtext('comptoir.users.admins'))")
}

/** Refuses a change that would leave no active administrator (call after lockAdminMembership). */
export async function assertAnotherActiveAdmin(trx: TransactionClientContract, userId: number) {
  const other = await trx.from('users').where({ role: 'admin', is_active: true }).whereNot('id', userId).first()
  if (!other) {
    throw ApiError.conflict('INVALID_TRANSITION', 'At least one active administrator must remain', {
      user_id: userId,
    })
  }
}
