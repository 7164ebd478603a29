import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import User from '#access/models/user'
import type { Principal } from '#access/principal'
import { assertNotOwnAccount } from '#access/policies'
import { forgetCachedPrincipals, revokeSessionsOf } from '#access/services/token_service'
import { assertAnotherActiveAdmin, lockAdminMembership } from '#access/services/user_rules'

export type Removal = { outcome: 'deleted' } | { outcome: 'deactivated'; user: User; referencedBy: string[] }

/**
 * DELETE on a user: an account nothing refers to is deleted (with its
 * tokens); an account that sales, register sessions, stock movements or
 * any other record refers to is kept for the audit trail and deactivated.
 */
export async function removeUser(principal: Principal, userId: number): Promise<Removal> {
  assertNotOwnAccount(principal, userId, 'delete')
  const removal = await db.transaction(async (trx): Promise<Removal> => {
    await lockAdminMembership(trx)
    /* FOR UPDATE also blocks new rows referencing the user until we commit. */
    const user = await User.query({ client: trx }).where('id', userId).forUpdate().first()
    if (!user) throw ApiError.notFound('User', userId)
    if (user.role === 'admin' && user.isActive) await assertAnotherActiveAdmin(trx, user.id)

    const referencedBy = await tablesReferencingUser(trx, user.id)
    if (referencedBy.length === 0) {
      await user.useTransaction(trx).delete()
      return { outcome: 'deleted' }
    }
    user.isActive = false
    await user.useTransaction(trx).save()
    await revokeSessionsOf(trx, user.id)
    return { outcome: 'deactivated', user, referencedBy }
  })
  await forgetCachedPrincipals()
  return removal
}

/**
 * Which tables hold a row pointing at the user, found through the foreign
 * keys in the catalogue (so this module names no other module's tables).
 * The user's own tokens do not count: they go with the account.
 */
async function tablesReferencingUser(trx: TransactionClientContract, userId: number): Promise<string[]> {
  const keys = await trx.rawQuery<{ rows: { table_name: string; column_name: string }[] }>(
    `SELECT c.conrelid::regclass::text AS table_name, quote_ident(a.attname) AS column_name
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass AND c.conrelid <> 'api_tokens'::regclass
      ORDER BY 1, 2`
  )
  const referencing = new Set<string>()
  for (const { table_name: table, column_name: column } of keys.rows) {
    if (referencing.has(table)) continue
    const hit = await trx.rawQuery(`SELECT 1 FROM ${table} WHERE ${column} = ? LIMIT 1`, [userId])
    if (hit.rows.length > 0) referencing.add(table)
  }
  return [...referencing]
}
