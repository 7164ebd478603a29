import type { DateTime } from 'luxon'
import { ApiError } from '#core/api_error'
import type { IdempotencyKey } from '#core/idempotency'
import { writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'
import type { Scope } from '#access/models/api_token'
import { issueToken, type IssuedToken } from '#access/services/token_service'

const CREATIONS: IdempotentOperation = { name: 'token_creation', resource: 'token' }

/**
 * A token for an integrator (API or `node ace token:create`). The secret
 * is in the result once and never again: only its SHA-256 is stored.
 *
 * With an Idempotency-Key (API), a retry mints no second token. It cannot
 * be answered like other replays either: the secret is not kept (storing it
 * to replay it would put a usable credential in the database in clear), so
 * the retry is a 409 naming the token the key created.
 */
export async function createIntegrationToken(
  input: { name: string; scopes: Scope[]; expiresAt: DateTime | null },
  idempotencyKey: IdempotencyKey | null = null,
  /** What the client sent, for the Idempotency-Key's "same body" (the API's validated body). */
  request: unknown = input
): Promise<IssuedToken> {
  const outcome = await writeIdempotently(CREATIONS, idempotencyKey, request, async (trx) => {
    const issued = await issueToken({ kind: 'integration', name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, client: trx })
    return { stored: { token_id: issued.record.id }, fresh: issued }
  })
  if (outcome.fresh) return outcome.fresh
  throw tokenAlreadyCreated(idempotencyKey!.key, outcome.stored.token_id)
}

/** The answer to a retried creation: which token the key made, since its secret cannot be shown again. */
export function tokenAlreadyCreated(key: string, tokenId: number) {
  return ApiError.conflict(
    'IDEMPOTENCY_CONFLICT',
    `This Idempotency-Key already created token ${tokenId}; its secret was shown once and cannot be shown again ` +
      '(if it was lost, revoke that token and create another)',
    { idempotency_key: key, token_id: tokenId }
  )
}
