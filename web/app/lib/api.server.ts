// Server-only API client. Everything that talks to the API goes through here so
// it can be swapped for the openapi-fetch client generated from the API's spec.
import type { ApiErrorEnvelope } from './api-types'
import { logError } from './log.server.ts'

const DEFAULT_API_URL = 'http://127.0.0.1:3333'
// A page should fail with a readable message rather than hang on a stuck API.
const REQUEST_TIMEOUT_MS = 8_000

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
}

/** No HTTP response at all: connection refused, DNS failure, timeout. */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError'
}

export interface ApiClientConfig {
  baseUrl: string
  token?: string
  timeoutMs?: number
}

export interface RequestOptions {
  requestId: string
}

function isErrorEnvelope(body: unknown): body is ApiErrorEnvelope {
  if (typeof body !== 'object' || body === null) return false
  const candidate = body as Record<string, unknown>
  return typeof candidate.message === 'string' && typeof candidate.error_code === 'string'
}

/** Envelope for answers that did not come from our API (a proxy's 502 page, say). */
function envelopeForForeignResponse(response: Response, path: string, message: string): ApiErrorEnvelope {
  return {
    timestamp: new Date().toISOString(),
    status: response.status,
    error: response.statusText,
    message,
    path,
    error_code: 'UNEXPECTED_RESPONSE',
    details: null,
  }
}

function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `L'API n'a pas répondu dans le délai de ${timeoutMs / 1000} s.`
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined
  const detail = cause?.code ?? (error instanceof Error ? error.message : String(error))
  return `La connexion à l'API a échoué (${detail}).`
}

export function createApiClient(config: ApiClientConfig) {
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? REQUEST_TIMEOUT_MS

  async function get<T>(path: string, { requestId }: RequestOptions): Promise<T> {
    if (!path.startsWith('/')) throw new TypeError(`API path must start with "/": ${path}`)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Request-Id': requestId,
    }
    if (config.token) headers.Authorization = `Bearer ${config.token}`

    let response: Response
    try {
      response = await fetch(baseUrl + path, { headers, signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      const failure = new ApiUnreachableError(describeNetworkFailure(error, timeoutMs), { cause: error })
      logError('api_unreachable', { request_id: requestId, api_path: path, error_message: failure.message })
      throw failure
    }

    const text = await response.text()
    let body: unknown
    try {
      body = text === '' ? undefined : JSON.parse(text)
    } catch {
      body = undefined
    }

    if (!response.ok) {
      const failure = new ApiError(
        isErrorEnvelope(body)
          ? body
          : envelopeForForeignResponse(response, path, `Réponse inattendue de l'API (HTTP ${response.status}).`)
      )
      // 4xx answers are the caller's business (not found, validation); 5xx are ours to see.
      if (response.status >= 500) {
        logError('api_error', {
          request_id: requestId,
          api_path: path,
          status: response.status,
          error_code: failure.envelope.error_code,
          error_message: failure.message,
        })
      }
      throw failure
    }
    if (body === undefined) {
      throw new ApiError(
        envelopeForForeignResponse(response, path, "La réponse de l'API n'est pas du JSON valide.")
      )
    }
    return body as T
  }

  return { get }
}

export type ApiClient = ReturnType<typeof createApiClient>

/** Reads the environment on each call so the process environment stays the single source. */
function clientFromEnv(): ApiClient {
  return createApiClient({
    baseUrl: process.env.API_URL || DEFAULT_API_URL,
    token: process.env.WEB_API_TOKEN || undefined,
  })
}

export function apiGet<T>(path: string, options: RequestOptions): Promise<T> {
  return clientFromEnv().get<T>(path, options)
}
