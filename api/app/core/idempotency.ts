import { createHash } from 'node:crypto'
import vine, { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import { violatedUniqueConstraint } from '#core/db_errors'
import { validateBody, type StrictValidator } from '#core/validation'

/*
 * The Idempotency-Key contract shared by every write that may be retried
 * (sales, replenishment requests): the same key with the same body answers
 * with what the first request wrote, and writes nothing again; the same key
 * with another body is a 409 IDEMPOTENCY_CONFLICT. A key belongs to the
 * caller who sent it: another caller using the same key makes a write of its
 * own, and never receives the first caller's answer. Each table keeps the
 * key, its scope (unique together, migration 0019) and the fingerprint of the
 * body that first used it.
 */

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

/* Keyed by the header's name, so a 422 names the header the client sent. */
export const idempotencyKeyHeader = vine.create({
  [IDEMPOTENCY_KEY_HEADER]: vine
    .string()
    .trim()
    .minLength(8)
    .maxLength(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
})

/** A client's key and the caller it belongs to (stored as `idempotency_scope`). */
export interface IdempotencyKey {
  scope: string
  key: string
}

/**
 * Whose keys these are: a person's whichever session or token they call
 * with (a retry after logging in again still replays), an integration
 * token's own (it has no user).
 */
export function idempotencyScopeOf(principal: Principal): string {
  return principal.user ? `user:${principal.user.id}` : `token:${principal.tokenId}`
}

/**
 * The validated Idempotency-Key of an authenticated request, scoped to its
 * caller, or null when the header is absent. Read raw: `request.header()`
 * answers undefined for an empty value, and an empty key must be refused (a
 * retry would write twice), not ignored.
 */
export async function idempotencyKeyOf(ctx: HttpContext): Promise<IdempotencyKey | null> {
  const header = ctx.request.headers()['idempotency-key']
  if (header === undefined) return null
  const validated = await idempotencyKeyHeader.validate({ [IDEMPOTENCY_KEY_HEADER]: header })
  return { scope: idempotencyScopeOf(ctx.principal), key: validated[IDEMPOTENCY_KEY_HEADER] }
}

/**
 * A keyed write's body and its Idempotency-Key, validated together: a request wrong in both is
 * told both in one 422 (the key's error came only once the body was right, a second round trip).
 * Bodies that are not JSON or too large never get here (json_body_middleware answers them); any
 * other error is not a field's and goes on as it is.
 */
export async function validateKeyedBody<Output>(
  validator: StrictValidator<Output>,
  ctx: HttpContext
): Promise<{ body: Output; key: IdempotencyKey | null }> {
  const [body, key] = await Promise.allSettled([validateBody(validator, ctx), idempotencyKeyOf(ctx)])
  if (body.status === 'fulfilled' && key.status === 'fulfilled') return { body: body.value, key: key.value }
  const problems: unknown[] = []
  for (const outcome of [body, key]) {
    if (outcome.status === 'fulfilled') continue
    if (!(outcome.reason instanceof errors.E_VALIDATION_ERROR)) throw outcome.reason
    problems.push(...outcome.reason.messages)
  }
  throw new errors.E_VALIDATION_ERROR(problems)
}

/** What "the same body" means: the validated input, hashed. */
export function requestFingerprint(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

export interface IdempotentTable {
  /** A table with `idempotency_scope`, `idempotency_key` (unique together) and `request_fingerprint` columns. */
  table: 'sales' | 'replenishment_requests'
  /** How the 409 names what the key was used for ("sale", "replenishment request"). */
  resource: string
  /** The detail carrying the id of the row the key belongs to (`sale_id`). */
  idDetail: string
}

/**
 * A body's fingerprint, or several: the one stored for new rows first, then the ones the same body
 * was stored under before the way of taking it changed (so that a retry across that change replays).
 */
export type Fingerprints = string | readonly string[]

/**
 * Lets an earlier request's answer be replayed only for the same body: the
 * same key with another body is a 409 naming what the key was used for.
 */
export function assertSameRequest(
  key: string,
  storedFingerprint: string,
  fingerprint: Fingerprints,
  resource: string,
  details: Record<string, unknown> = {}
): void {
  if ((typeof fingerprint === 'string' ? [fingerprint] : fingerprint).includes(storedFingerprint)) return
  throw ApiError.conflict('IDEMPOTENCY_CONFLICT', `This Idempotency-Key was already used for a different ${resource}`, {
    idempotency_key: key,
    ...details,
  })
}

/**
 * When a write failed because a concurrent request with the same key
 * committed first (a unique violation on `keyIndex`), that request's answer;
 * any other failure is thrown again.
 */
export async function replayAfterKeyRace<T>(
  error: unknown,
  key: IdempotencyKey | null,
  keyIndex: string,
  replay: (key: IdempotencyKey) => Promise<T | null>
): Promise<T> {
  if (key && violatedUniqueConstraint(error) === keyIndex) {
    const earlier = await replay(key)
    if (earlier !== null) return earlier
  }
  throw error
}

/**
 * The id of the row an earlier request of this caller with this key wrote,
 * or null when the key is new to them; a 409 when that request had another body.
 */
export async function findIdempotentReplay(
  target: IdempotentTable,
  { scope, key }: IdempotencyKey,
  fingerprint: Fingerprints
): Promise<number | null> {
  const existing = await db
    .from(target.table)
    .where({ idempotency_scope: scope, idempotency_key: key })
    .select('id', 'request_fingerprint')
    .first()
  if (!existing) return null
  assertSameRequest(key, existing.request_fingerprint, fingerprint, target.resource, { [target.idDetail]: Number(existing.id) })
  return Number(existing.id)
}
