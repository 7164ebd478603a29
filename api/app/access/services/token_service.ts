import { hash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ApiToken, { type Scope } from '#access/models/api_token'
import type { Principal } from '#access/principal'
import type { Role } from '#access/models/user'
import { cached, invalidateTags } from '#core/cache'

const TOKEN_PREFIX = 'cpt_'
/* last_used_at is a hint for humans; writing it on every request would cost a row lock each time. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000

export function hashToken(token: string): string {
  return hash('sha256', token, 'hex')
}

/*
 * Every request hashes the token it presents, and a client presents the
 * same one request after request: a hash through OpenSSL was 3 % of a cached
 * read's CPU, a Map lookup is nothing. Bounded; emptied when full.
 */
const MAX_KNOWN_HASHES = 1_000
const knownHashes = new Map<string, string>()

function hashOfPresented(token: string): string {
  let tokenHash = knownHashes.get(token)
  if (tokenHash === undefined) {
    if (knownHashes.size >= MAX_KNOWN_HASHES) knownHashes.clear()
    tokenHash = hashToken(token)
    knownHashes.set(token, tokenHash)
  }
  return tokenHash
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
  must_change_password: boolean | null
}

/*
 * Every API request presents a token; looking it up in PostgreSQL each time
 * was the largest cost of a cached read. Resolved tokens are cached briefly
 * (L1 + Redis, like the rest of the cache) under the hash of the token, and
 * every write that can change a principal (revocation, logout, user
 * changes) drops them all on every instance before it answers. The short
 * TTL bounds what a write made outside the API (a CLI revocation without
 * Redis) leaves behind.
 */
const PRINCIPAL_TTL = '10s'
const PRINCIPALS_TAG = 'principals'

/** The cached form of a token: JSON-safe (dates as epoch milliseconds). */
interface CachedToken {
  id: number
  name: string
  kind: 'integration' | 'session'
  scopes: Scope[]
  expiresAtMs: number | null
  revoked: boolean
  lastUsedAtMs: number | null
  user: {
    id: number
    username: string
    role: Role
    storeId: number | null
    active: boolean
    /* Absent from entries cached before the flag existed: read as false. */
    mustChangePassword?: boolean
  } | null
}

async function lookUpToken(tokenHash: string): Promise<CachedToken | null> {
  const result = await db.rawQuery<{ rows: TokenRow[] }>(
    `SELECT t.id, t.name, t.kind, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, t.user_id,
            u.username, u.role, u.store_id, u.is_active AS user_active, u.must_change_password
       FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ?`,
    [tokenHash]
  )
  const row = result.rows[0]
  if (!row) return null
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    scopes: row.scopes,
    expiresAtMs: row.expires_at?.getTime() ?? null,
    revoked: row.revoked_at !== null,
    lastUsedAtMs: row.last_used_at?.getTime() ?? null,
    user:
      row.user_id === null
        ? null
        : {
            id: row.user_id,
            username: row.username!,
            role: row.role!,
            storeId: row.store_id,
            active: row.user_active === true,
            mustChangePassword: row.must_change_password === true,
          },
  }
}

/* When this instance last wrote last_used_at per token (the cached row's value goes stale). */
const lastUseWritten = new Map<number, number>()

async function recordUse(token: CachedToken) {
  const now = Date.now()
  const last = Math.max(token.lastUsedAtMs ?? 0, lastUseWritten.get(token.id) ?? 0)
  if (now - last <= LAST_USED_WRITE_INTERVAL_MS) return
  lastUseWritten.set(token.id, now)
  await db.rawQuery('UPDATE api_tokens SET last_used_at = now() WHERE id = ?', [token.id])
}

/**
 * Resolves a presented token to a principal, or null when it is unknown,
 * revoked, expired, or belongs to a deactivated user.
 */
export async function authenticateToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const tokenHash = hashOfPresented(token)
  // Unknown tokens are not cached: a guessed token must not fill the cache.
  const found =
    (await cached(`principal:${tokenHash}`, { ttl: PRINCIPAL_TTL, tags: [PRINCIPALS_TAG] }, async () => {
      const row = await lookUpToken(tokenHash)
      if (!row) throw new UnknownToken()
      return row
    }).catch((error) => {
      if (error instanceof UnknownToken) return null
      throw error
    })) ?? null
  if (!found || found.revoked) return null
  if (found.expiresAtMs !== null && found.expiresAtMs <= Date.now()) return null
  if (found.user && !found.user.active) return null

  await recordUse(found)
  return principalOf(found)
}

/*
 * A cached token is one frozen object shared by every request presenting
 * it until it is invalidated, so the principal made from it is made once
 * (frozen too: requests share it).
 */
const principals = new WeakMap<CachedToken, Principal>()
const tokensOf = new WeakMap<Principal, CachedToken>()

/**
 * What a later request with the same token must still check or do when its
 * answer is not worked out again (#core/answer_memo): the token's expiry,
 * and noting its use.
 */
export function tokenReuseOf(principal: Principal) {
  const token = tokensOf.get(principal)
  if (!token) return undefined
  return {
    expiresAtMs: token.expiresAtMs,
    onReuse: () => {
      recordUse(token).catch((error) => logger.warn({ err: error, token: token.name }, 'could not note the last use of a token'))
    },
  }
}

function principalOf(found: CachedToken): Principal {
  let principal = principals.get(found)
  if (!principal) {
    principal = Object.freeze({
      tokenId: found.id,
      tokenName: found.name,
      kind: found.kind,
      scopes: new Set(found.scopes),
      user:
        found.user &&
        Object.freeze({
          id: found.user.id,
          username: found.user.username,
          role: found.user.role,
          storeId: found.user.storeId,
          mustChangePassword: found.user.mustChangePassword === true,
        }),
    })
    principals.set(found, principal)
    tokensOf.set(principal, found)
  }
  return principal
}

class UnknownToken extends Error {}

/**
 * Drops every cached principal, on every instance, before the caller
 * answers: after a revocation, a logout or a change to a user, the next
 * request with the old token must see the new state.
 */
export async function forgetCachedPrincipals() {
  await invalidateTags([PRINCIPALS_TAG])
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
