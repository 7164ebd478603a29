import { randomUUID } from 'node:crypto'
import User, { type Role } from '#access/models/user'
import type { Scope } from '#access/models/api_token'
import { issueToken } from '#access/services/token_service'

/**
 * A user of the given role and a session token for them, as the web app
 * gets at login (created inside the test's transaction). Clerks need a store.
 */
export async function sessionTokenFor(
  role: Role,
  options: { storeId?: number | null; scopes?: Scope[] } = {}
): Promise<{ token: string; user: User }> {
  const suffix = randomUUID().slice(0, 8)
  const user = await User.create({
    username: `test-${role}-${suffix}`,
    email: `test-${role}-${suffix}@example.test`,
    fullName: `Test ${role}`,
    password: 'not-a-real-password-hash',
    role,
    storeId: options.storeId ?? (role === 'clerk' ? 1 : null),
    isActive: true,
  })
  const { token } = await issueToken({
    name: `session-${user.username}`,
    scopes: options.scopes ?? ['read', 'write'],
    kind: 'session',
    userId: user.id,
  })
  return { token, user }
}
