import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { tokenInHeaders } from '#access/presented_token'
import { randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { frontGet } from '#core/cache_freshness'
import { countFrontHits } from '#core/cache'
import { cachedReadsOf, type CachedRead } from '#core/cached_reads'
import { serializeJson } from '#core/response_json'
import { processTimeSince } from '#core/process_time'
import { recordRequest } from '#core/request_record'
import { answersFromMemoTotal } from '#core/metrics'
import logger from '@adonisjs/core/services/logger'

/*
 * Answers to repeated reads, kept in front of the router (ADR 0028).
 *
 * Integrators and registers ask for the same URL with the same token over
 * and over (the catalogue, one product, the stores, a summary). When such an
 * answer is a value of the cache sent as it is, the next identical request
 * gets the same bytes before AdonisJS routes it: no middleware, no container,
 * no controller. The memo stands only while every cached value the answer was
 * made from is still the one in the cache (the token's principal included:
 * a revocation, a logout or a user change drops it, as any write drops the
 * values it changes), and for at most MEMO_MS.
 */
const MEMO_MS = 1_000
const MAX_MEMOS = 2_000
/* Longer URLs (ignored query parameters piled up) are not memoised: the memory stays bounded by entries. */
const MAX_URL_LENGTH = 512

interface Memo {
  reads: CachedRead[]
  /* The request headers the answer varies on (its Vary header), with the values it was made for. */
  vary: [string, string | string[] | undefined][]
  route: string
  tokenName: string | undefined
  headers: Record<string, string | number | string[]>
  /* The JSON the router sent: the same string, shared with response_json's memory of it. */
  body: string
  bodyBytes: number
  expiresAt: number
  onReuse: () => void
}

const memos = new Map<string, Memo>()

/* A body, an origin to answer with CORS headers, or another method: the router decides. */
function mayBeMemoised(req: IncomingMessage) {
  const headers = req.headers
  if (req.method !== 'GET' || headers.origin !== undefined || headers['transfer-encoding'] !== undefined) return false
  const length = headers['content-length']
  return length === undefined || Number(length) === 0
}

function stillFresh(reads: CachedRead[]) {
  for (const read of reads) if (frontGet(read.key)?.value !== read.value) return false
  return true
}

/**
 * The request headers named by an answer's Vary, with their values in this
 * request; null when the answer varies on anything (`*`).
 */
function varyingOn(vary: unknown, requestHeaders: IncomingHttpHeaders): Memo['vary'] | null {
  if (vary === undefined) return []
  const names = String(vary)
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (names.includes('*')) return null
  return names.map((name) => [name, requestHeaders[name]])
}

/** Headers of the answer that belong to one request only: each request gets its own. */
const PER_REQUEST = new Set(['x-request-id', 'x-process-time', 'content-length'])

/**
 * Keeps the answer the router just made, when it is a cached value sent as
 * is to a token's GET. `reuse` says what the token's next use must still do
 * (note its last use) and until when the token itself is good.
 */
export function rememberAnswer(ctx: HttpContext, reuse: { expiresAtMs: number | null; onReuse: () => void } | undefined) {
  const reads = cachedReadsOf(ctx)
  if (!reads || !reuse || !ctx.route || !mayBeMemoised(ctx.request.request)) return
  if ((ctx.request.request.url ?? '').length > MAX_URL_LENGTH) return
  const response = ctx.response
  const body = response.getBody()
  if (response.getStatus() !== 200 || body === null || typeof body !== 'object') return
  if (!reads.some((read) => read.value === body) || !stillFresh(reads)) return
  const token = tokenInHeaders(ctx.request.request.headers)
  const json = serializeJson(body)
  if (!token || json === undefined) return
  const headers: Record<string, string | number | string[]> = {}
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value !== undefined && !PER_REQUEST.has(name.toLowerCase())) headers[name] = value as string | number | string[]
  }
  if (headers['set-cookie'] !== undefined) return
  const vary = varyingOn(headers.vary, ctx.request.request.headers)
  if (!vary) return
  headers['content-type'] ??= 'application/json; charset=utf-8'
  const now = Date.now()
  if (memos.size >= MAX_MEMOS) dropExpiredOrAll(now)
  memos.set(`${token} ${ctx.request.request.url}`, {
    reads,
    vary,
    route: ctx.route.pattern,
    tokenName: ctx.principal?.tokenName,
    headers,
    body: json,
    bodyBytes: Buffer.byteLength(json),
    expiresAt: Math.min(now + MEMO_MS, reuse.expiresAtMs ?? Infinity),
    onReuse: reuse.onReuse,
  })
}

/* Full: the expired memos go (they may hold bodies the cache has dropped), else all of them. */
function dropExpiredOrAll(now: number) {
  for (const [key, memo] of memos) if (memo.expiresAt <= now) memos.delete(key)
  if (memos.size >= MAX_MEMOS) memos.clear()
}

/**
 * Answers a request from the memo when it can (true), before AdonisJS sees
 * it; the answer carries the same headers, log line and metrics as the
 * router's. Whatever goes wrong here leaves the request to the router.
 */
export function answerFromMemo(req: IncomingMessage, res: ServerResponse, startedAt: bigint): boolean {
  try {
    return answeredFromMemo(req, res, startedAt)
  } catch (error) {
    memos.clear()
    logger.error({ err: error }, 'the answer memo failed: the router answers instead')
    return res.headersSent
  }
}

function answeredFromMemo(req: IncomingMessage, res: ServerResponse, startedAt: bigint): boolean {
  if (memos.size === 0 || !mayBeMemoised(req)) return false
  const token = tokenInHeaders(req.headers)
  if (!token) return false
  const key = `${token} ${req.url}`
  const memo = memos.get(key)
  if (!memo) return false
  if (memo.expiresAt <= Date.now() || !stillFresh(memo.reads)) {
    memos.delete(key)
    return false
  }
  // Asked differently (a report as CSV after its JSON): the router answers; the memo stays for the first form.
  for (const [name, value] of memo.vary) if (req.headers[name] !== value) return false
  const requestId = (req.headers['x-request-id'] as string | undefined) || randomUUID()
  res.writeHead(200, {
    ...memo.headers,
    'x-request-id': requestId,
    'x-process-time': processTimeSince(startedAt),
    'content-length': memo.bodyBytes,
  })
  res.end(memo.body)
  memo.onReuse()
  // The reads the router would have made are hits all the same: /cache/stats and the hit ratio count them.
  countFrontHits(memo.reads.length)
  answersFromMemoTotal.inc({ route: memo.route })
  recordRequest({ requestId, method: 'GET', route: memo.route, status: 200, startedAt, tokenName: memo.tokenName })
  return true
}
