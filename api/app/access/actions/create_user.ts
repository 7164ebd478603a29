import hash from '@adonisjs/core/services/hash'
import User, { type Role } from '#access/models/user'
import { assertStoreMatchesRole, assertUnique, translateUserWriteError } from '#access/services/user_rules'
import { ApiError } from '#core/api_error'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'

export interface NewUser {
  username: string
  email: string
  fullName: string
  role: Role
  storeId: number | null
  password: string
  isActive: boolean
}

const CREATIONS: IdempotentOperation = { name: 'user_creation', resource: 'user' }

/**
 * Creates an account; username and e-mail are unique, a clerk needs an
 * existing store. The administrator chose the password, so the new user
 * must replace it at their first sign-in. A retry with the same
 * Idempotency-Key answers with the account it created (a form posted twice
 * used to answer "already used" for an account that was in fact created);
 * the password is no part of what makes two requests the same, so that it
 * is never kept, even hashed, beside the key.
 */
export async function createUser(input: NewUser, idempotencyKey: IdempotencyKey | null = null): Promise<{ model: User; replayed: boolean }> {
  assertStoreMatchesRole(input.role, input.storeId)
  const passwordHash = await hash.make(input.password)
  const { password: _password, ...identity } = input
  let outcome
  try {
    outcome = await writeIdempotently(CREATIONS, idempotencyKey, identity, async (trx) => {
      await assertUnique(trx, { username: input.username, email: input.email })
      const user = await User.create(
        {
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          role: input.role,
          storeId: input.storeId,
          password: passwordHash,
          isActive: input.isActive,
          mustChangePassword: true,
        },
        { client: trx }
      )
      return { stored: { user_id: user.id }, fresh: user }
    })
  } catch (error) {
    translateUserWriteError(error, input)
  }
  const { made, replayed } = await madeOrCurrent(outcome, (s) => User.find(s.user_id), (s) => ApiError.notFound('User', s.user_id))
  return { model: made, replayed }
}
