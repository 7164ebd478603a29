import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { assertSameRequest, replayAfterKeyRace, requestFingerprint, type IdempotencyKey } from '#core/idempotency'

/*
 * The Idempotency-Key contract (see #core/idempotency) for writes that have
 * no row of their own to carry the key: the key, the body's fingerprint and
 * what the write produced are inserted into idempotent_writes inside the
 * write's transaction, so a key is there exactly when its write committed.
 * Keys are per caller (the key's scope, see #core/idempotency).
 * A concurrent retry with the same key waits for the first one's transaction
 * (an advisory lock on the key, taken before the write) and answers with its
 * result; the unique index stays as the last guard.
 */

export interface IdempotentOperation {
  /** Stored in idempotent_writes.operation: a key is unique per operation (and caller). */
  name:
    | 'stock_adjustment'
    | 'warehouse_receipt'
    | 'product_creation'
    | 'stock_reduction'
    | 'register_creation'
    | 'token_creation'
    | 'store_creation'
    | 'category_creation'
    | 'user_creation'
  /** How the 409 names what the key was used for ("stock adjustment"). */
  resource: string
}

export interface IdempotentOutcome<Stored, Fresh> {
  /** What the write produced (ids), the same on a replay. */
  stored: Stored
  /** What only the request that wrote knows (for its events); null on a replay. */
  fresh: Fresh | null
  replayed: boolean
}

const UNIQUE_INDEX = 'idempotent_writes_operation_scope_key_unique'

/** Runs `write` in a transaction once per key; without a key, simply once. */
export async function writeIdempotently<Stored, Fresh>(
  operation: IdempotentOperation,
  key: IdempotencyKey | null,
  input: unknown,
  write: (trx: TransactionClientContract) => Promise<{ stored: Stored; fresh: Fresh }>
): Promise<IdempotentOutcome<Stored, Fresh>> {
  const fingerprint = requestFingerprint(input)
  const replay = async (k: IdempotencyKey): Promise<IdempotentOutcome<Stored, Fresh> | null> => {
    const earlier = await earlierResult<Stored>(operation, k, fingerprint)
    return earlier && { stored: earlier.stored, fresh: null, replayed: true }
  }
  try {
    const done = await db.transaction(async (trx): Promise<IdempotentOutcome<Stored, Fresh>> => {
      if (key) {
        // The key is claimed before the write: a concurrent retry (nginx resending to another
        // instance) waits here for the first to commit, then replays it. Without the claim it ran
        // the write too and failed on what the first one created (a store's name: a 409 on its
        // own retry) instead of on the key.
        await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`idempotent:${operation.name}:${key.scope}:${key.key}`])
        const earlier = await earlierResult<Stored>(operation, key, fingerprint, trx)
        if (earlier) return { stored: earlier.stored, fresh: null, replayed: true }
      }
      const outcome = await write(trx)
      if (key) {
        await trx.table('idempotent_writes').insert({
          operation: operation.name,
          idempotency_scope: key.scope,
          idempotency_key: key.key,
          request_fingerprint: fingerprint,
          result: JSON.stringify(outcome.stored),
        })
      }
      return { ...outcome, replayed: false }
    })
    return done
  } catch (error) {
    return replayAfterKeyRace(error, key, UNIQUE_INDEX, replay)
  }
}

async function earlierResult<Stored>(
  operation: IdempotentOperation,
  { scope, key }: IdempotencyKey,
  fingerprint: string,
  client: Pick<TransactionClientContract, 'from'> = db
) {
  const row = await client
    .from('idempotent_writes')
    .where({ operation: operation.name, idempotency_scope: scope, idempotency_key: key })
    .select('request_fingerprint', 'result')
    .first()
  if (!row) return null
  assertSameRequest(key, row.request_fingerprint, fingerprint, operation.resource)
  return { stored: row.result as Stored }
}

/**
 * What a creation answers: what it made, or on a replay the resource as it is now (a product
 * sold since shows its new stock), read back by `load`; deleted since, it is gone (404).
 */
export async function madeOrCurrent<Stored, Made>(
  outcome: IdempotentOutcome<Stored, Made>,
  load: (stored: Stored) => Promise<Made | null>,
  gone: (stored: Stored) => Error
): Promise<{ made: Made; replayed: boolean }> {
  if (outcome.fresh) return { made: outcome.fresh, replayed: false }
  const current = await load(outcome.stored)
  if (!current) throw gone(outcome.stored)
  return { made: current, replayed: true }
}
