// @ts-check
import { randomUUID } from 'node:crypto'

// Incoming ids are echoed into logs and forwarded to the API, so only accept
// something that looks like an id; anything else gets a fresh one.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** @param {string | undefined} incoming */
export function resolveRequestId(incoming) {
  return incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/**
 * Gives every request an id (res.locals.requestId, X-Request-Id response header)
 * and writes one JSON access-log line to stdout when the response is finished.
 * @returns {import('express').RequestHandler}
 */
export function requestContext() {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint()
    const requestId = resolveRequestId(req.get('x-request-id'))
    res.locals.requestId = requestId
    res.setHeader('X-Request-Id', requestId)

    // 'close' rather than 'finish' so requests the client gave up on are logged too.
    res.on('close', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6
      const line = {
        time: new Date().toISOString(),
        level: 'info',
        msg: 'request',
        method: req.method,
        path: req.path,
        status: res.statusCode,
        duration_ms: Math.round(durationMs * 100) / 100,
        request_id: requestId,
        ...(res.writableFinished ? {} : { aborted: true }),
      }
      process.stdout.write(JSON.stringify(line) + '\n')
    })
    next()
  }
}
