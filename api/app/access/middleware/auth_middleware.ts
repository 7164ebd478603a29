import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiError } from '#core/api_error'
import { authenticateToken } from '#access/services/token_service'
import type { Scope } from '#access/models/api_token'
import { assertPasswordChosen } from '#access/password_gate'
import { tokenInHeaders } from '#access/presented_token'

/**
 * Accepts the original `X-API-Token: <t>` header and the documented
 * `Authorization: Bearer <t>`; a missing and a wrong token are both 401.
 */
export function presentedToken(ctx: HttpContext): string | null {
  return tokenInHeaders(ctx.request.request.headers)
}

export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { scopes?: Scope[] } = {}) {
    const token = presentedToken(ctx)
    if (!token) throw ApiError.unauthenticated('Missing API token (X-API-Token or Authorization: Bearer)')
    const principal = await authenticateToken(token)
    if (!principal) throw ApiError.unauthenticated('Invalid, expired or revoked API token')
    // Before the scopes: what the caller must do first is choose a password.
    assertPasswordChosen(principal, ctx.route?.pattern)

    const missing = (options.scopes ?? []).filter((scope) => !principal.scopes.has(scope))
    if (missing.length > 0) {
      throw ApiError.forbidden(`This token lacks the scope(s): ${missing.join(', ')}`, {
        required_scopes: options.scopes,
        missing_scopes: missing,
      })
    }
    ctx.principal = principal
    return next()
  }
}
