import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import ApiToken from '#access/models/api_token'
import { forgetCachedPrincipals } from '#access/services/token_service'

export type TokenSelector = { id: number } | { prefix: string }

/**
 * Revokes an integration token, chosen by id (API, CLI) or by the prefix
 * `token:list` shows (CLI). Idempotent: revoking a revoked token succeeds
 * and keeps the first revocation time, so a retried DELETE after a lost
 * response is harmless. Session tokens are not managed here (logout, user
 * deactivation) and read as not found.
 */
export async function revokeIntegrationToken(
  selector: TokenSelector
): Promise<{ token: ApiToken; alreadyRevoked: boolean }> {
  const revocation = await db.transaction(async (trx) => {
    const query = ApiToken.query({ client: trx }).where('kind', 'integration').orderBy('id').limit(2).forUpdate()
    if ('id' in selector) query.where('id', selector.id)
    else query.whereLike('token_prefix', `${escapeLike(selector.prefix)}%`)
    const matches = await query

    const identifier = 'id' in selector ? selector.id : selector.prefix
    if (matches.length === 0) throw ApiError.notFound('API token', identifier)
    if (matches.length > 1) throw ApiError.business(`Several tokens start with '${identifier}'; use the id`, { prefix: identifier })

    const token = matches[0]
    if (token.revokedAt) return { token, alreadyRevoked: true }
    await token.useTransaction(trx).merge({ revokedAt: DateTime.utc() }).save()
    return { token, alreadyRevoked: false }
  })
  await forgetCachedPrincipals()
  return revocation
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
