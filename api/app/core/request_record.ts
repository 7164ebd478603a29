import logger from '@adonisjs/core/services/logger'
import { httpRequestDuration, httpRequestsTotal } from '#core/metrics'

/**
 * What every answered request leaves behind: its count and duration in the
 * metrics, and one log line. The router's answers and the memo's
 * (#core/answer_memo) leave the same.
 */
export function recordRequest(request: {
  requestId: string
  method: string
  route: string
  status: number
  startedAt: bigint
  tokenName: string | undefined
  log?: { info(fields: object, message: string): void }
}) {
  const durationMs = Number(process.hrtime.bigint() - request.startedAt) / 1e6
  const labels = { method: request.method, route: request.route, status: String(request.status) }
  httpRequestsTotal.inc(labels)
  httpRequestDuration.observe(labels, durationMs / 1000)
  const fields = {
    method: request.method,
    route: request.route,
    status: request.status,
    duration_ms: Math.round(durationMs * 100) / 100,
    token: request.tokenName,
  }
  // The router's requests log through their context's logger, which already names the request.
  if (request.log) request.log.info(fields, 'request')
  else logger.info({ request_id: request.requestId, ...fields }, 'request')
}
