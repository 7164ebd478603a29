import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import User, { type Role } from '#access/models/user'
import { scopesForRole } from '#access/policies'
import { issueToken } from '#access/services/token_service'

let sequence = 0
const runId = process.pid % 200

/**
 * A client address no other test uses, sent as X-Forwarded-For: the login
 * counters are committed outside the test transaction, so each test needs
 * its own keys.
 */
export function uniqueIp() {
  sequence++
  return `10.${runId}.${Math.floor(sequence / 250)}.${(sequence % 250) + 1}`
}

export async function firstStoreId(): Promise<number> {
  const store = await db.from('stores').orderBy('id').firstOrFail()
  return Number(store.id)
}

export const PASSWORD = 'correct horse battery'

/** A user with a known password (hashed like real accounts). */
export async function makeUser(
  role: Role,
  overrides: Partial<{ username: string; email: string; storeId: number | null; isActive: boolean; password: string }> = {}
) {
  sequence++
  const username = overrides.username ?? `${role}${sequence}`
  const user = await User.create({
    username,
    email: overrides.email ?? `${username}@test.comptoir.local`,
    fullName: `Test ${role} ${sequence}`,
    password: await hash.make(overrides.password ?? PASSWORD),
    role,
    storeId: overrides.storeId !== undefined ? overrides.storeId : role === 'clerk' ? await firstStoreId() : null,
    isActive: overrides.isActive ?? true,
  })
  return user
}

/** A session token for the user, as login would issue it (without going through the login limiter). */
export async function sessionFor(user: User, expiresAt = DateTime.utc().plus({ hours: 12 })) {
  const { token } = await issueToken({
    kind: 'session',
    userId: user.id,
    name: `session ${user.username}`,
    scopes: scopesForRole(user.role),
    expiresAt,
  })
  return token
}

/** No password hash, token hash or password field anywhere in a response body. */
export function secretsIn(text: string): string[] {
  const found: string[] = []
  if (text.includes('$scrypt')) found.push('scrypt hash')
  if (/"(password|mot_de_passe|token_hash|tokenHash)"/.test(text)) found.push('secret field')
  if (/\b[0-9a-f]{64}\b/.test(text)) found.push('sha-256 hex')
  return found
}

export const NEW_PASSWORD = 'an-entirely-new-passphrase'

/** An admin user and a session token for them. */
export async function adminSession() {
  const admin = await makeUser('admin')
  return { admin, token: await sessionFor(admin) }
}

/** The fields named by a VALIDATION_ERROR envelope. */
export function fieldsOf(body: { details: { validation_errors: { field: string }[] } }) {
  return body.details.validation_errors.map((e) => e.field)
}
