import { ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { isDataException, toEnvelope } from '#core/exceptions/to_envelope'

/**
 * Every error leaves the API in the same envelope, whatever threw it; 5xx
 * are logged with their stack, and so are values the database refused
 * (a validator should have caught them); other 4xx are the client's business.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = false

  async handle(error: unknown, ctx: HttpContext) {
    const envelope = toEnvelope(error, ctx.request.url())
    return ctx.response.status(envelope.status).json(envelope)
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
