import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { settleInvalidations } from '#core/cache'
import { instanceId } from '#core/instance'
import { processTimeSince } from '#core/process_time'
import { recordRequest } from '#core/request_record'
import { rememberAnswer } from '#core/answer_memo'
import { tokenReuseOf } from '#access/services/token_service'
import { applyCors } from '#core/cors'
import env from '#start/env'

const CORS_ORIGINS = env.get('CORS_ORIGINS')

/**
 * Tags every response with the instance that served it, the request id
 * (accepted from the edge or generated) and the handling time (the
 * original's X-Process-Time), and writes one log line per
 * request once the response is sent, so errors are logged with their status.
 * Cross-origin calls get their CORS headers here, before routing (a preflight never reaches it).
 * The response waits for the cache invalidations its writes started.
 */
export default class RequestContextMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const startedAt = process.hrtime.bigint()
    const requestId = ctx.request.id()!
    ctx.response.header('X-Instance-Id', instanceId)
    ctx.response.header('X-Request-Id', requestId)
    // Sales, stock and accounts must not stay in a browser's or a proxy's cache; the few public,
    // immutable files (/docs assets) say otherwise themselves.
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.response.once('finish', () => {
      recordRequest({
        requestId,
        method: ctx.request.method(),
        route: ctx.route?.pattern ?? 'unmatched',
        status: ctx.response.response.statusCode,
        startedAt,
        tokenName: ctx.principal?.tokenName,
        log: ctx.logger,
      })
    })
    try {
      if (applyCors(ctx, CORS_ORIGINS) === 'preflight-answered') return
      await next()
      // The same request again, with the same token, gets these bytes before routing while they hold.
      if (ctx.principal) rememberAnswer(ctx, tokenReuseOf(ctx.principal))
    } finally {
      // A client reading right after its write must not be served what the write replaced.
      await settleInvalidations(ctx)
      // The original API sent the handling time, in seconds, on every response; clients and load scripts read it.
      if (!ctx.response.response.headersSent) {
        ctx.response.header('X-Process-Time', processTimeSince(startedAt))
      }
    }
  }
}
