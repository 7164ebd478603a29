import { randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { ApiError } from '#core/api_error'
import { instanceId } from '#core/instance'
import { toEnvelope } from '#core/exceptions/to_envelope'
import { processTimeSince } from '#core/process_time'

/*
 * Errors that happen before a request reaches AdonisJS's pipeline (and so
 * its exception handler) still leave in the error envelope, with the
 * headers every response carries (X-Instance-Id, X-Request-Id, X-Process-Time).
 */

/* When each request arrived, for the X-Process-Time of a request refused before the pipeline. */
const arrivals = new WeakMap<IncomingMessage, bigint>()

function pathOf(url: string | undefined) {
  return (url ?? '').split('?')[0]
}

/** The error of a URL whose percent-encoding does not decode (also the OpenAPI document's example). */
export function badPercentEncoding() {
  return new ApiError(400, 'MALFORMED_REQUEST', 'The URL contains an invalid percent-encoding', { reason: 'bad_percent_encoding' })
}

/**
 * AdonisJS refuses a URL whose percent-encoding does not decode (`%E0%A4%A`,
 * `%C0%80`) before routing, with a plain-text 400 by default
 * (`http.onBadUrl` in config/app.ts).
 */
export function badUrlResponse(req: IncomingMessage, res: ServerResponse) {
  const envelope = toEnvelope(
    badPercentEncoding(),
    pathOf(req.url)
  )
  const requestId = req.headers['x-request-id']
  res.writeHead(400, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Instance-Id': instanceId,
    'X-Request-Id': typeof requestId === 'string' && requestId ? requestId : randomUUID(),
    'X-Process-Time': processTimeSince(arrivals.get(req) ?? process.hrtime.bigint()),
  })
  res.end(JSON.stringify(envelope))
}

/* Node's HTTP parser errors, answered before any request object exists. */
export const PARSER_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
}

function clientErrorResponse(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) {
  const startedAt = process.hrtime.bigint()
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy()
  const status = PARSER_STATUS[error.code ?? ''] ?? 400
  const requestLine = error.rawPacket?.toString('latin1').split('\r\n', 1)[0] ?? ''
  const path = /^[A-Z]+ (\S+) HTTP\//.exec(requestLine)?.[1] ?? ''
  const message =
    status === 431 ? 'The request headers are too large' : status === 408 ? 'The request took too long to arrive' : 'The HTTP request is malformed'
  const envelope = toEnvelope(new ApiError(status, 'MALFORMED_REQUEST', message), pathOf(path))
  const body = JSON.stringify(envelope)
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Instance-Id: ${instanceId}\r\n` +
      // The headers could not be read, so a request id of the client's is out of reach: a fresh one.
      `X-Request-Id: ${randomUUID()}\r\n` +
      `X-Process-Time: ${processTimeSince(startedAt)}\r\n` +
      'Connection: close\r\n\r\n' +
      body
  )
}

/*
 * The X-Request-Id a client may choose: what nginx and the web server accept too. Anything else
 * (spaces, markup, kilobytes of text) is dropped before AdonisJS reads it, so the request gets a
 * generated id, and no log line carries what a client wrote there.
 */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Answers a request before AdonisJS when it can (#core/answer_memo), saying so with true. */
export type EarlyAnswer = (req: IncomingMessage, res: ServerResponse, startedAt: bigint) => boolean

/** The Node HTTP server of the API (bin/server.ts, and the test server). */
export function createApiServer(handler: RequestListener, earlyAnswer?: EarlyAnswer) {
  return createServer((req, res) => {
    const startedAt = process.hrtime.bigint()
    arrivals.set(req, startedAt)
    const requestId = req.headers['x-request-id']
    if (requestId !== undefined && !(typeof requestId === 'string' && ACCEPTABLE_REQUEST_ID.test(requestId))) {
      delete req.headers['x-request-id']
    }
    if (earlyAnswer?.(req, res, startedAt)) return
    return handler(req, res)
  }).on('clientError', clientErrorResponse)
}
