import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { validateBody } from '#core/validation'
import User from '#access/models/user'
import ApiToken from '#access/models/api_token'
import { loginBody } from '#access/validators/auth_validators'
import { fieldError } from '#access/validators/field_error'
import { logIn } from '#access/actions/log_in'
import { LoginRateLimited } from '#access/services/login_throttle'
import { instantToWire, userSummaryToWire } from '#access/transformers/user_transformer'

export default class AuthController {
  async login(ctx: HttpContext) {
    const body = await validateBody(loginBody, ctx)
    const identifier = body.identifiant ?? body.username ?? body.email
    const password = body.mot_de_passe ?? body.password
    if (identifier === undefined) throw fieldError('identifiant', 'The identifiant field must be defined', 'required')
    if (password === undefined) throw fieldError('mot_de_passe', 'The mot_de_passe field must be defined', 'required')

    try {
      const session = await logIn({ identifier, password, ip: ctx.request.ip() })
      return {
        token: session.token,
        expire_le: instantToWire(session.expiresAt),
        scopes: session.scopes,
        utilisateur: userSummaryToWire(session.user),
      }
    } catch (error) {
      if (error instanceof LoginRateLimited) ctx.response.header('Retry-After', String(error.retryAfterSeconds))
      throw error
    }
  }

  /** Ends the presented session; integration tokens are revoked through /tokens instead. */
  async logout({ principal, response }: HttpContext) {
    if (principal.kind !== 'session') {
      throw ApiError.business('Only a session token can log out; revoke integration tokens with DELETE /api/v1/tokens/{id}')
    }
    await db.transaction((trx) =>
      trx.from('api_tokens').where('id', principal.tokenId).whereNull('revoked_at').update({ revoked_at: new Date() })
    )
    return response.noContent()
  }

  async me({ principal }: HttpContext) {
    const token = await ApiToken.findOrFail(principal.tokenId)
    if (principal.kind === 'integration') {
      return {
        jeton: { nom: token.name, scopes: token.scopes, type: 'integration', expire_le: instantToWire(token.expiresAt) },
      }
    }
    const user = await User.findOrFail(principal.user!.id)
    return { utilisateur: userSummaryToWire(user), scopes: token.scopes, expire_le: instantToWire(token.expiresAt) }
  }
}
