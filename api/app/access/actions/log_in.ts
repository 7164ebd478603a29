import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { ApiError } from '#core/api_error'
import User from '#access/models/user'
import type { Scope } from '#access/models/api_token'
import { scopesForRole } from '#access/policies'
import { issueToken } from '#access/services/token_service'
import { LoginThrottle } from '#access/services/login_throttle'

export const SESSION_LIFETIME = { hours: 12 }
const INVALID_CREDENTIALS = 'Identifiants invalides'

/*
 * Verified against when the account does not exist, so an unknown username
 * costs the same scrypt work as a wrong password and timing reveals nothing.
 */
let dummyHash: Promise<string> | null = null
function hashForMissingUser() {
  dummyHash ??= hash.make('comptoir-no-such-user-password')
  return dummyHash
}

export interface Session {
  token: string
  expiresAt: DateTime
  scopes: Scope[]
  user: User
}

/**
 * Username-or-e-mail + password → a 12-hour session token whose scopes
 * follow the user's role. Unknown user, wrong password and deactivated
 * account all give the same 401, after the same amount of hashing.
 */
export async function logIn(input: { identifier: string; password: string; ip: string }): Promise<Session> {
  const identifier = input.identifier.trim().toLowerCase()
  const user = await User.query()
    .if(
      identifier.includes('@'),
      (q) => q.whereRaw('lower(email) = ?', [identifier]),
      (q) => q.where('username', identifier)
    )
    .first()
  // Counted on the account (not on what was typed) before the password is checked.
  const throttle = new LoginThrottle(user ? { userId: user.id } : { identifier }, input.ip)
  await throttle.acquire()

  const passwordMatches = await hash.verify(user?.password ?? (await hashForMissingUser()), input.password)
  if (!user || !passwordMatches || !user.isActive) {
    throw ApiError.unauthenticated(INVALID_CREDENTIALS)
  }

  await throttle.succeeded()
  const scopes = scopesForRole(user.role)
  const expiresAt = DateTime.utc().plus(SESSION_LIFETIME)
  const { token } = await issueToken({
    kind: 'session',
    userId: user.id,
    name: `session ${user.username}`,
    scopes,
    expiresAt,
  })
  return { token, expiresAt, scopes, user }
}
