import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ApiToken, { type Scope } from '#access/models/api_token'
import type { Principal } from '#access/principal'
import type { Role } from '#access/models/user'

const TOKEN_PREFIX = 'cpt_'
/* last_used_at is a hint for humans; writing it on every request would cost a row lock each time. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface IssuedToken {
  token: string
  record: ApiToken
}

export async function issueToken(input: {
  name: string
  scopes: Scope[]
  kind?: 'integration' | 'session'
  userId?: number | null
  expiresAt?: DateTime | null
  /** The caller's transaction, when the token is one write among several. */
  client?: TransactionClientContract
}): Promise<IssuedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const record = await ApiToken.create(
    {
      name: input.name,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 12),
      scopes: [...new Set(input.scopes)],
      kind: input.kind ?? 'integration',
      userId: input.userId ?? null,
      expiresAt: input.expiresAt ?? null,
    },
    { client: input.client }
  )
  return { token, record }
}

interface TokenRow {
  id: number
  name: string
  kind: 'integration' | 'session'
  scopes: Scope[]
  expires_at: Date | null
  revoked_at: Date | null
  last_used_at: Date | null
  user_id: number | null
  username: string | null
  role: Role | null
  store_id: number | null
  user_active: boolean | null
}

/**
 * Resolves a presented token to a principal, or null when it is unknown,
 * revoked, expired, or belongs to a deactivated user.
 */
export async function authenticateToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const result = await db.rawQuery<{ rows: TokenRow[] }>(
    `SELECT t.id, t.name, t.kind, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, t.user_id,
            u.username, u.role, u.store_id, u.is_active AS user_active
       FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ?`,
    [hashToken(token)]
  )
  const row = result.rows[0]
  if (!row || row.revoked_at) return null
  if (row.expires_at && row.expires_at.getTime() <= Date.now()) return null
  if (row.user_id !== null && !row.user_active) return null

  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
    await db.rawQuery('UPDATE api_tokens SET last_used_at = now() WHERE id = ?', [row.id])
  }

  return {
    tokenId: row.id,
    tokenName: row.name,
    kind: row.kind,
    scopes: new Set(row.scopes),
    user:
      row.user_id === null
        ? null
        : { id: row.user_id, username: row.username!, role: row.role!, storeId: row.store_id },
  }
}

/**
 * Revokes a user's live session tokens (deactivation, password, role or
 * store change), optionally sparing the one making the request.
 */
export async function revokeSessionsOf(
  client: TransactionClientContract,
  userId: number,
  exceptTokenId?: number
): Promise<number> {
  const revoked = await client
    .from('api_tokens')
    .where('user_id', userId)
    .where('kind', 'session')
    .whereNull('revoked_at')
    .if(exceptTokenId !== undefined, (q) => q.whereNot('id', exceptTokenId!))
    .update({ revoked_at: new Date() })
  return Number(revoked)
}
