// @ts-check
import { randomUUID } from 'node:crypto'

import { routeLabelOf } from './route-label.js'

// Incoming ids are echoed into logs and forwarded to the API, so only accept
// something that looks like an id; anything else gets a fresh one.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** @param {string | undefined} incoming */
export function resolveRequestId(incoming) {
  return incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/**
 * Gives every request an id (res.locals.requestId, X-Request-Id response header)
 * and writes one JSON access-log line when the response is finished.
 * @param {import('./log.js').Log} log
 * @returns {import('express').RequestHandler}
 */
export function requestContext(log) {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint()
    const requestId = resolveRequestId(req.get('x-request-id'))
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)

    // 'close' rather than 'finish' so requests the client gave up on are logged too.
    res.on('close', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6
      log.info('request', {
        method: req.method,
        route: routeLabelOf(req, res),
        path: req.path,
        status: res.statusCode,
        duration_ms: Math.round(durationMs * 100) / 100,
        request_id: requestId,
        ...(res.writableFinished ? {} : { aborted: true }),
      })
    })
    next()
  }
}
