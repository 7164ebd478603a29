import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiError } from '#core/api_error'

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_TYPES = ['application/json', '+json']

/* `Content-Length: 0` is what many clients send for a POST without a body: that is no body. */
function sendsBody(ctx: HttpContext) {
  const length = ctx.request.header('content-length')
  return ctx.request.header('transfer-encoding') !== undefined || (length !== undefined && Number(length) !== 0)
}

/**
 * The API reads JSON bodies only. A body in any other format (a form,
 * multipart, text, XML, no Content-Type) would reach the route as an empty
 * object, and a PATCH or a POST with optional fields would then "succeed"
 * without doing what was sent: it is refused before the body parser.
 */
export default class JsonBodyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (BODY_METHODS.has(ctx.request.method()) && sendsBody(ctx) && !ctx.request.is(JSON_TYPES)) {
      throw new ApiError(415, 'MALFORMED_REQUEST', 'The request body must be JSON (Content-Type: application/json)', {
        content_type: ctx.request.header('content-type') ?? null,
      })
    }
    return next()
  }
}
