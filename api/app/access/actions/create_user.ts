import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import User, { type Role } from '#access/models/user'
import { assertStoreMatchesRole, assertUnique, translateUserWriteError } from '#access/services/user_rules'

export interface NewUser {
  username: string
  email: string
  fullName: string
  role: Role
  storeId: number | null
  password: string
  isActive: boolean
}

/**
 * Creates an account; username and e-mail are unique, a clerk needs an
 * existing store. The administrator chose the password, so the new user
 * must replace it at their first sign-in.
 */
export async function createUser(input: NewUser): Promise<User> {
  assertStoreMatchesRole(input.role, input.storeId)
  const passwordHash = await hash.make(input.password)
  try {
    return await db.transaction(async (trx) => {
      await assertUnique(trx, { username: input.username, email: input.email })
      return User.create(
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
    })
  } catch (error) {
    translateUserWriteError(error, input)
  }
}
