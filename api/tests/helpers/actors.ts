import { randomUUID } from 'node:crypto'
import User, { type Role } from '#access/models/user'
import { issueToken } from '#access/services/token_service'
import { scopesForRole } from '#access/policies'
import type { Scope } from '#access/models/api_token'

/**
 * A user of the given role with a session token, as the web app has after
 * login (created inside the test's transaction). The password column holds
 * no usable hash: these users never log in through the API.
 */
export async function signedIn(
  role: Role,
  storeId: number | null = role === 'clerk' ? 1 : null,
  scopes: Scope[] = scopesForRole(role)
) {
  const suffix = randomUUID().slice(0, 8)
  const user = await User.create({
    username: `test-${role}-${suffix}`,
    email: `test-${role}-${suffix}@example.test`,
    fullName: `Test ${role} ${suffix}`,
    password: 'not-a-password-hash',
    role,
    storeId,
    isActive: true,
  })
  const { token } = await issueToken({ name: `session ${user.username}`, scopes, kind: 'session', userId: user.id })
  return { user, token }
}

/** A user `signedIn` made: the user row and their session token. */
export type Actor = Awaited<ReturnType<typeof signedIn>>
