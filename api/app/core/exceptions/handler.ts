import { ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { isDataException, toEnvelope } from '#core/exceptions/to_envelope'
import { allowedMethods, methodNotAllowed } from '#core/exceptions/method_not_allowed'

/* The challenge of every 401: a bearer token (X-API-Token carries the same token). */
export const AUTHENTICATION_CHALLENGE = 'Bearer realm="Comptoir API"'

/**
 * Every error leaves the API in the same envelope, whatever threw it; 5xx
 * are logged with their stack, and so are values the database refused
 * (a validator should have caught them); other 4xx are the client's business.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const envelope = toEnvelope(this.#refined(error, ctx), ctx.request.url())
    if (envelope.error_code === 'METHOD_NOT_ALLOWED') {
      ctx.response.header('Allow', (envelope.details as { allowed: string[] }).allowed.join(', '))
    }
    if (envelope.status === 401) {
      // HTTP requires a 401 to say how to authenticate; HTTP clients and proxies read it.
      ctx.response.header('WWW-Authenticate', AUTHENTICATION_CHALLENGE)
    }
    return ctx.response.status(envelope.status).json(envelope)
  }

  /** A path that exists for other methods is a 405 (with Allow), not a 404. */
  #refined(error: unknown, ctx: HttpContext) {
    if ((error as { code?: unknown } | null)?.code !== 'E_ROUTE_NOT_FOUND') return error
    const allowed = allowedMethods(ctx)
    return allowed.length > 0 ? methodNotAllowed(ctx.request.method(), allowed) : error
  }

  async report(error: unknown, ctx: HttpContext) {
    const envelope = toEnvelope(error, ctx.request.url())
    if (envelope.status >= 500) {
      ctx.logger.error({ err: error, request_id: ctx.request.id() }, 'request failed')
    } else if (isDataException(error)) {
      ctx.logger.warn({ err: error, request_id: ctx.request.id() }, 'database refused a request value')
    }
  }
}
