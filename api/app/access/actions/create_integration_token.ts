import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Scope } from '#access/models/api_token'
import { issueToken, type IssuedToken } from '#access/services/token_service'

/**
 * A token for an integrator (API or `node ace token:create`). The secret
 * is in the result once and never again: only its SHA-256 is stored.
 */
export async function createIntegrationToken(input: {
  name: string
  scopes: Scope[]
  expiresAt: DateTime | null
}): Promise<IssuedToken> {
  return db.transaction((trx) =>
    issueToken({ kind: 'integration', name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, client: trx })
  )
}
