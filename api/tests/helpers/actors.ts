import hash from '@adonisjs/core/services/hash'
import User, { type Role } from '#access/models/user'
import { issueToken } from '#access/services/token_service'
import type { Scope } from '#access/models/api_token'

const ROLE_SCOPES: Record<Role, Scope[]> = {
  clerk: ['read', 'write'],
  manager: ['read', 'write', 'reports'],
  admin: ['read', 'write', 'reports', 'admin'],
}

let counter = 0

/** A user of the given role with a session token, as the web app would have after login. */
export async function signedIn(role: Role, storeId: number | null = role === 'clerk' ? 1 : null) {
  counter += 1
  const user = await User.create({
    username: `${role}-${counter}-${Date.now()}`,
    email: `${role}-${counter}-${Date.now()}@test.local`,
    fullName: `Test ${role} ${counter}`,
    password: await hash.make('not-used-in-these-tests'),
    role,
    storeId,
    isActive: true,
  })
  const { token } = await issueToken({ name: `session ${user.username}`, scopes: ROLE_SCOPES[role], kind: 'session', userId: user.id })
  return { user, token }
}
