import type { HttpContext } from '@adonisjs/core/http'
import { validateBody } from '#core/validation'
import User from '#access/models/user'
import ApiToken from '#access/models/api_token'
import { changePasswordBody, loginBody } from '#access/validators/auth_validators'
import { fieldError } from '#core/validation'
import { logIn } from '#access/actions/log_in'
import { logOut } from '#access/actions/log_out'
import { changeOwnPassword } from '#access/actions/change_own_password'
import { LoginRateLimited } from '#access/services/login_throttle'
import { userSummaryToWire } from '#access/transformers/user_transformer'
import { instantToWire } from '#core/instants'

/** Both checks of a password share the login budgets; a 429 tells when to try again. */
async function withRetryAfter<T>(ctx: HttpContext, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt()
  } catch (error) {
    if (error instanceof LoginRateLimited) ctx.response.header('Retry-After', String(error.retryAfterSeconds))
    throw error
  }
}

export default class AuthController {
  async login(ctx: HttpContext) {
    const body = await validateBody(loginBody, ctx)
    const identifier = body.identifiant ?? body.username ?? body.email
    const password = body.mot_de_passe ?? body.password
    if (identifier === undefined) throw fieldError('identifiant', 'The identifiant field must be defined', 'required')
    if (password === undefined) throw fieldError('mot_de_passe', 'The mot_de_passe field must be defined', 'required')

    const session = await withRetryAfter(ctx, () => logIn({ identifier, password, ip: ctx.request.ip() }))
    return {
      token: session.token,
      expire_le: instantToWire(session.expiresAt),
      scopes: session.scopes,
      utilisateur: userSummaryToWire(session.user),
    }
  }

  /** Ends the presented session; integration tokens are revoked through /tokens instead. */
  async logout({ principal, response }: HttpContext) {
    await logOut(principal)
    return response.noContent()
  }

  /** The caller's own password; their other sessions end, this one goes on. */
  async changePassword(ctx: HttpContext) {
    const body = await validateBody(changePasswordBody, ctx)
    await withRetryAfter(ctx, () =>
      changeOwnPassword(ctx.principal, {
        currentPassword: body.mot_de_passe_actuel,
        newPassword: body.nouveau_mot_de_passe,
        ip: ctx.request.ip(),
      })
    )
    return ctx.response.noContent()
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
