import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import { forgetCachedPrincipals } from '#access/services/token_service'

/** Ends the presented session; integration tokens are revoked through /tokens instead. */
export async function logOut(principal: Principal): Promise<void> {
  if (principal.kind !== 'session') {
    throw ApiError.business('Only a session token can log out; revoke integration tokens with DELETE /api/v1/tokens/{id}')
  }
  await db.transaction((trx) =>
    trx.from('api_tokens').where('id', principal.tokenId).whereNull('revoked_at').update({ revoked_at: new Date() })
  )
  await forgetCachedPrincipals()
}
