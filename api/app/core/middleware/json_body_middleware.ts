import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { operationTakesBody } from '#core/openapi/registry'

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const JSON_TYPES = ['application/json', '+json']
export const JSON_BODY_LIMIT = 256 * 1024
/* No request of this API nests deeper; past it, validators and libraries that recurse could overflow the stack. */
export const MAX_JSON_DEPTH = 64
const UTF8_NAMES = new Set(['utf-8', 'utf8'])

/* The refusals of this middleware, also the examples of the OpenAPI document (#core/openapi/errors). */
export const bodyErrors = {
  notJson: (contentType: string | null) =>
    new ApiError(415, 'MALFORMED_REQUEST', 'The request body must be JSON (Content-Type: application/json)', {
      content_type: contentType,
    }),
  otherCharset: (contentType: string, charset: string) =>
    new ApiError(415, 'MALFORMED_REQUEST', 'The request body must be UTF-8 (Content-Type: application/json; charset=utf-8)', {
      content_type: contentType,
      charset,
    }),
  unsupportedEncoding: (encoding: string) =>
    new ApiError(415, 'MALFORMED_REQUEST', `Unsupported Content-Encoding '${encoding}' (gzip, deflate, br or identity)`, {
      content_encoding: encoding,
    }),
  notUtf8: () =>
    new ApiError(400, 'MALFORMED_REQUEST', 'The request body is not valid UTF-8', { reason: 'invalid_utf8' }),
  malformedJson: (reason: 'syntax' | 'too_deeply_nested') =>
    new ApiError(
      400,
      'MALFORMED_REQUEST',
      reason === 'syntax' ? 'Malformed request body: the JSON does not parse' : `Malformed request body: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      { reason }
    ),
  unreadable: () => new ApiError(400, 'MALFORMED_REQUEST', 'The request body could not be read', { reason: 'unreadable' }),
  tooLarge: () =>
    new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large', { limit_bytes: JSON_BODY_LIMIT }),
  notAnObject: () =>
    new vineErrors.E_VALIDATION_ERROR([{ field: 'body', message: 'The request body must be a JSON object', rule: 'object' }]),
  /** A body sent to an operation that takes none: each field is named, or the body itself. */
  noBodyExpected: (body: unknown) => {
    const message = 'This operation takes no request body'
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return new vineErrors.E_VALIDATION_ERROR([{ field: 'body', message, rule: 'noBody' }])
    }
    return new vineErrors.E_VALIDATION_ERROR(
      Object.keys(body).map((field) => ({ field, message: `Unknown field '${field}': ${message.toLowerCase()}`, rule: 'unknownField' }))
    )
  },
  prototypeKey: (field: string) =>
    new vineErrors.E_VALIDATION_ERROR([{ field, message: `Unknown field '${field}'`, rule: 'unknownField' }]),
}

/* `Content-Length: 0` is what many clients send for a POST without a body: that is no body. */
function sendsBody(ctx: HttpContext) {
  const length = ctx.request.header('content-length')
  return ctx.request.header('transfer-encoding') !== undefined || (length !== undefined && Number(length) !== 0)
}

function charsetOf(contentType: string) {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType)
  return match ? match[1].toLowerCase() : null
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  switch (encoding) {
    case 'identity':
    case '':
      return req
    case 'gzip':
    case 'x-gzip':
      return req.pipe(createGunzip())
    case 'deflate':
      return req.pipe(createInflate())
    case 'br':
      return req.pipe(createBrotliDecompress())
    default:
      throw bodyErrors.unsupportedEncoding(encoding)
  }
}

/**
 * The body's bytes, refused past the limit without reading the rest
 * (declared by Content-Length, or counted as it arrives, after decompression).
 */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (!req.headers['content-encoding'] && declared > JSON_BODY_LIMIT) return Promise.reject(bodyErrors.tooLarge())
  const stream = decoded(req)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    const finish = (error: Error | null) => {
      stream.off('data', onData).off('end', onEnd).off('error', onError)
      req.off('aborted', onAborted)
      if (error) {
        if (stream !== req) req.unpipe()
        stream.pause()
        reject(error)
      } else resolve(Buffer.concat(chunks))
    }
    const onData = (chunk: Buffer) => {
      received += chunk.length
      if (received > JSON_BODY_LIMIT) finish(bodyErrors.tooLarge())
      else chunks.push(chunk)
    }
    const onEnd = () => finish(null)
    const onError = () => finish(bodyErrors.unreadable())
    const onAborted = () => finish(bodyErrors.unreadable())
    stream.on('data', onData).on('end', onEnd).on('error', onError)
    req.on('aborted', onAborted)
  })
}

/**
 * Walks the parsed body once, iteratively (a body may nest 20,000 levels):
 * whether it nests deeper than MAX_JSON_DEPTH, and the path of the first
 * own `__proto__` key (JSON.parse keeps it as a plain field).
 */
function inspect(root: unknown): { tooDeep: boolean; prototypePath: string | null } {
  interface Step {
    key: string
    parent: Step | null
    depth: number
  }
  const pathOf = (step: Step) => {
    const keys: string[] = []
    for (let s: Step | null = step; s; s = s.parent) keys.unshift(s.key)
    return keys.join('.')
  }
  // The path is kept as links to the parent: a string per level would be quadratic.
  const pending: [unknown, Step | null][] = [[root, null]]
  while (pending.length > 0) {
    const [value, at] = pending.pop()!
    const depth = (at?.depth ?? 0) + 1
    if (depth > MAX_JSON_DEPTH) return { tooDeep: true, prototypePath: null }
    for (const [key, child] of Object.entries(value as object)) {
      const step = { key, parent: at, depth }
      if (key === '__proto__') return { tooDeep: false, prototypePath: pathOf(step) }
      if (child !== null && typeof child === 'object') pending.push([child, step])
    }
  }
  return { tooDeep: false, prototypePath: null }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    // A body nested too deep for the parser is malformed for us too.
    throw bodyErrors.malformedJson(error instanceof RangeError ? 'too_deeply_nested' : 'syntax')
  }
}

/**
 * The API reads JSON bodies only, and reads them itself (no generic body
 * parser runs):
 * - a body in another format (a form, multipart, text, XML, no Content-Type)
 *   would reach the route as an empty object, so a PATCH would "succeed"
 *   without doing what was sent: 415;
 * - a charset other than UTF-8 is a 415, bytes that are not UTF-8 a 400
 *   (they used to be stored as U+FFFD), malformed JSON (or nested deeper
 *   than MAX_JSON_DEPTH) a 400, over 256 kB a 413;
 * - the body is a JSON object (`[]`, `null`, `5`, `"x"` are a 422 on `body`),
 *   with no `__proto__` key at any depth (a 422 naming it);
 * - an operation that documents no body (#core/openapi/registry) refuses a
 *   non-empty one with a 422 naming its fields; `{}` and no body are fine.
 */
export default class JsonBodyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const method = ctx.request.method()
    if (!BODY_METHODS.has(method) || !sendsBody(ctx)) return next()
    const contentType = ctx.request.header('content-type') ?? null
    if (contentType === null || !ctx.request.is(JSON_TYPES)) throw bodyErrors.notJson(contentType)
    const charset = charsetOf(contentType)
    if (charset !== null && !UTF8_NAMES.has(charset)) throw bodyErrors.otherCharset(contentType, charset)

    const bytes = await readBytes(ctx.request.request)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw bodyErrors.notUtf8()
    }
    const body: unknown = text === '' ? {} : parse(text)
    const { tooDeep, prototypePath } = body !== null && typeof body === 'object' ? inspect(body) : { tooDeep: false, prototypePath: null }
    if (tooDeep) throw bodyErrors.malformedJson('too_deeply_nested')

    const takesBody = ctx.route ? operationTakesBody(method, ctx.route.pattern) : undefined
    const empty = body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0
    if (takesBody === false && !empty) throw bodyErrors.noBodyExpected(body)
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bodyErrors.notAnObject()
    if (prototypePath) throw bodyErrors.prototypeKey(prototypePath)

    // Not setInitialBody: nothing reads request.original(), so its deep copy of every body is not made.
    ctx.request.updateBody(body as Record<string, unknown>)
    ctx.request.updateRawBody(text)
    return next()
  }
}
