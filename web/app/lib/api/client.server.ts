// The typed API client: openapi-fetch over the types generated from the API's
// OpenAPI document (schema.d.ts, `node scripts/api-client.mjs`). Server only:
// the browser never talks to the API and never sees a token.
//
//   const stores = await ok(api.GET('/api/v1/stores', { params: { query: { size: 100 } } }))
//
// `ok()` returns the body of a 2xx answer or throws ApiError (the API's error
// envelope) / ApiUnreachableError (no answer at all).
import createClient, { type Client } from 'openapi-fetch'

import { logError } from '../log.server.ts'
import type { ApiErrorEnvelope } from './errors.ts'
import type { paths } from './schema'

export type ApiClient = Client<paths>

/** The API answered, but with a non-2xx status (or a body we cannot read). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly envelope: ApiErrorEnvelope

  constructor(envelope: ApiErrorEnvelope) {
    super(envelope.message)
    this.status = envelope.status
    this.envelope = envelope
  }

  get code(): string {
    return this.envelope.error_code
  }
}

/** No HTTP response at all: connection refused, DNS failure, timeout. */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError'
}

export interface ApiClientOptions {
  baseUrl: string
  /** The signed-in user's API session token; absent for the login call. */
  token?: string
  /** Forwarded as X-Request-Id so one id finds a request in the web and API logs. */
  requestId: string
  /**
   * The browser's address, forwarded as X-Forwarded-For: the API's limits on failed logins and
   * password changes, and its logs, must see each browser, not this server for all of them.
   */
  clientIp?: string
  timeoutMs?: number
  /**
   * Called when the API answers 401 to a request made with a token (expired,
   * revoked): whatever it returns is thrown, typically a redirect to /connexion.
   */
  onUnauthorized?: () => Promise<Response> | Response
}

function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `L'API n'a pas répondu dans le délai de ${timeoutMs / 1000} s.`
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined
  const detail = cause?.code ?? (error instanceof Error ? error.message : String(error))
  return `La connexion à l'API a échoué (${detail}).`
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeoutMs = options.timeoutMs ?? 8_000
  const { requestId } = options

  const timedFetch = async (request: Request): Promise<Response> => {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      const failure = new ApiUnreachableError(describeNetworkFailure(error, timeoutMs), { cause: error })
      logError('api_unreachable', {
        request_id: requestId,
        api_path: new URL(request.url).pathname,
        error_message: failure.message,
      })
      throw failure
    }
  }

  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: timedFetch })
  client.use({
    onRequest({ request }) {
      request.headers.set('Accept', 'application/json')
      request.headers.set('X-Request-Id', requestId)
      if (options.token) request.headers.set('Authorization', `Bearer ${options.token}`)
      if (options.clientIp) request.headers.set('X-Forwarded-For', options.clientIp)
      return request
    },
    async onResponse({ request, response }) {
      if (response.status === 401 && options.token && options.onUnauthorized) {
        throw await options.onUnauthorized()
      }
      // 4xx answers are the caller's business (not found, validation); 5xx are ours to see.
      if (response.status >= 500) {
        logError('api_error', {
          request_id: requestId,
          api_path: new URL(request.url).pathname,
          status: response.status,
        })
      }
      return response
    },
  })
  return client
}

function isErrorEnvelope(body: unknown): body is ApiErrorEnvelope {
  if (typeof body !== 'object' || body === null) return false
  const candidate = body as Record<string, unknown>
  return typeof candidate.message === 'string' && typeof candidate.error_code === 'string'
}

/** Envelope for answers that did not come from our API (a proxy's 502 page, say). */
function foreignEnvelope(response: Response, message: string): ApiErrorEnvelope {
  return {
    timestamp: new Date().toISOString(),
    status: response.status,
    error: response.statusText,
    message,
    path: new URL(response.url || 'http://api.invalid/').pathname,
    error_code: 'UNEXPECTED_RESPONSE',
    details: null,
  }
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** The body of a 2xx answer; ApiError otherwise. */
export async function ok<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (failure) {
    // openapi-fetch parses 2xx bodies as JSON and throws when they are not.
    if (failure instanceof SyntaxError) {
      throw new ApiError({
        timestamp: new Date().toISOString(),
        status: 502,
        error: 'Bad Gateway',
        message: "La réponse de l'API n'est pas du JSON valide.",
        path: '',
        error_code: 'UNEXPECTED_RESPONSE',
        details: null,
      })
    }
    throw failure
  }
  const { data, error, response } = result
  if (response.ok) {
    if (data === undefined && response.status !== 204) {
      throw new ApiError(foreignEnvelope(response, "La réponse de l'API n'est pas du JSON valide."))
    }
    return data as T
  }
  throw new ApiError(
    isErrorEnvelope(error)
      ? { ...error, status: response.status }
      : foreignEnvelope(response, `Réponse inattendue de l'API (HTTP ${response.status}).`)
  )
}

/** Like ok(), but a 404 is null (e.g. "the register has no open session"). */
export async function okOrNull<T>(call: Promise<FetchResult<T>>): Promise<T | null> {
  try {
    return await ok(call)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
