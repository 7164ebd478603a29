import type { HttpContext } from '@adonisjs/core/http'

/*
 * Browser pages of other origins (a back office, an ERP's web front) call the API: the original
 * allowed every origin, with credentials. Our tokens travel in headers, never in cookies, so
 * allowing an origin lends its pages nothing of a visitor's: credentials stay off, and which
 * origins may call is CORS_ORIGINS (default every origin, as before; `none` turns CORS off).
 */
export type CorsOrigins = '*' | ReadonlySet<string> | null

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i
/*
 * What a page of another origin may call: the API's resources. Not sign-in or password changes
 * (/api/v1/auth/…: a page could make its visitors' browsers guess passwords, each from its own
 * address, and read the answers), nor /metrics or /health (sales per store are in the metrics).
 */
const CROSS_ORIGIN_PATHS = /^\/api\/v1\/(?!auth(\/|$))/
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE'
/* The headers our API reads; a preflight is also allowed any other it asks for (allowedRequestHeaders). */
const REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-API-Token', 'X-Request-Id']
/* A header name is an RFC 9110 token; a list longer than any page sends is not worth echoing. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i
const MAX_REQUESTED_HEADERS = 30
/** What a page may read of an answer, beyond the basic headers. */
const EXPOSED_HEADERS =
  'Content-Disposition, Location, Idempotent-Replayed, Retry-After, WWW-Authenticate, X-Instance-Id, X-Process-Time, X-Request-Id'
const PREFLIGHT_CACHE_SECONDS = '600'

/** Env validator for CORS_ORIGINS (start/env.ts): `*`, `none`, or a comma-separated list of origins. */
export function corsOrigins(key: string, value?: string): CorsOrigins {
  const text = value?.trim() ?? ''
  if (text === '' || text === '*') return '*'
  if (text.toLowerCase() === 'none') return null
  const list = text.split(',').map((entry) => entry.trim().replace(/\/$/, ''))
  const wrong = list.filter((entry) => !ORIGIN.test(entry))
  if (wrong.length > 0) {
    throw new Error(`${key} must be *, none or origins such as https://erp.example.com,http://127.0.0.1:8081 (got "${wrong.join('", "')}")`)
  }
  // As a browser sends it: `https://erp.example.com:443` is `https://erp.example.com`.
  return new Set(list.map((entry) => new URL(entry).origin))
}

function allowedOrigin(origins: CorsOrigins, origin: string | undefined): string | null {
  if (!origin || origins === null) return null
  if (origins === '*') return '*'
  return origins.has(origin.toLowerCase()) ? origin : null
}

/**
 * The request headers a preflight is allowed: ours, and whatever else it asked for (the original
 * allowed any: a page sending X-Requested-With or a header of its own was refused). Safe without
 * credentials, as the origin itself is. A list that is not header names is ignored, not echoed
 * (the browser then refuses what it wanted beyond ours).
 */
function allowedRequestHeaders(requested: string | undefined): string {
  const names = (requested ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const valid = names.length <= MAX_REQUESTED_HEADERS && names.every((name) => HEADER_NAME.test(name))
  const ours = new Set(REQUEST_HEADERS.map((name) => name.toLowerCase()))
  const others = valid ? names.filter((name) => !ours.has(name.toLowerCase())) : []
  return [...REQUEST_HEADERS, ...new Set(others.map((name) => name.toLowerCase()))].join(', ')
}

/**
 * Adds the CORS headers an allowed origin needs; answers a preflight itself (204) and says so,
 * so that it never reaches the router, which would answer OPTIONS with a 405.
 */
export function applyCors(ctx: HttpContext, origins: CorsOrigins): 'preflight-answered' | 'continue' {
  if (!CROSS_ORIGIN_PATHS.test(ctx.request.url())) return 'continue'
  const origin = allowedOrigin(origins, ctx.request.header('origin'))
  if (origins !== null && origins !== '*') ctx.response.header('Vary', 'Origin')
  if (!origin) return 'continue'
  ctx.response.header('Access-Control-Allow-Origin', origin)
  const preflight = ctx.request.method() === 'OPTIONS' && ctx.request.header('access-control-request-method') !== undefined
  if (!preflight) {
    ctx.response.header('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    return 'continue'
  }
  ctx.response.header('Access-Control-Allow-Methods', METHODS)
  ctx.response.header('Access-Control-Allow-Headers', allowedRequestHeaders(ctx.request.header('access-control-request-headers')))
  ctx.response.append('Vary', 'Access-Control-Request-Headers')
  ctx.response.header('Access-Control-Max-Age', PREFLIGHT_CACHE_SECONDS)
  ctx.response.status(204).send('')
  return 'preflight-answered'
}
