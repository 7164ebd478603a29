import { STATUS_CODES } from 'node:http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'

export interface ErrorEnvelope {
  timestamp: string
  status: number
  error: string
  message: string
  path: string
  error_code: string
  details: Record<string, unknown> | null
}

interface ValidationMessage {
  field: string
  message: string
  rule: string
}

/* PostgreSQL error codes we translate rather than leak as 500s. */
const PG_UNIQUE_VIOLATION = '23505'
const PG_FOREIGN_KEY_VIOLATION = '23503'
const PG_CHECK_VIOLATION = '23514'
const PG_CONNECTION_ERRORS = new Set(['57P01', '57P03', '08006', '08001', 'ECONNREFUSED'])
/*
 * Class 22 (data exception: a NUL byte in text, a number out of range, text
 * that is not a valid value of the column's type) and 54000 (a value too
 * large for an index): the request carried a value the database cannot take.
 * Validators should refuse these first; this keeps a miss from being a 500.
 */
const PG_DATA_EXCEPTION = /^(22[0-9A-Z]{3}|54000)$/

/** A value PostgreSQL refused: answered 422, but worth a log line (a validator let it through). */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && PG_DATA_EXCEPTION.test(code)
}

/**
 * Maps any thrown value to the public error envelope. Unknown errors become
 * a generic 500 whose message never includes internals.
 */
export function toEnvelope(error: unknown, path: string): ErrorEnvelope {
  const { status, code, message, details } = classify(error)
  return {
    timestamp: new Date().toISOString(),
    status,
    error: STATUS_CODES[status] ?? 'Unknown Error',
    message,
    path,
    error_code: code,
    details: details ?? null,
  }
}

function classify(error: unknown): {
  status: number
  code: string
  message: string
  details?: Record<string, unknown>
} {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, details: error.details }
  }

  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    const messages = error.messages as ValidationMessage[]
    return {
      status: 422,
      code: 'VALIDATION_ERROR',
      message: `Validation failed: ${messages.map((m) => m.field).join(', ')}`,
      details: {
        validation_errors: messages.map((m) => ({ field: m.field, message: m.message, type: m.rule })),
      },
    }
  }

  const e = error as { code?: string; status?: number; message?: string; constraint?: string; detail?: string }

  if (e?.code === 'E_ROUTE_NOT_FOUND') {
    return {
      status: 404,
      code: 'NOT_FOUND',
      message: 'Route not found',
      details: { resource: 'route', identifier: e.message?.replace(/^Cannot /, '') ?? null },
    }
  }
  if (e?.code === PG_UNIQUE_VIOLATION) {
    return { status: 409, code: 'DUPLICATE_RESOURCE', message: 'A resource with the same unique value already exists', details: { constraint: e.constraint } }
  }
  if (e?.code === PG_FOREIGN_KEY_VIOLATION) {
    return { status: 409, code: 'RESOURCE_IN_USE', message: 'The operation conflicts with related records', details: { constraint: e.constraint } }
  }
  if (e?.code === PG_CHECK_VIOLATION) {
    return { status: 422, code: 'BUSINESS_LOGIC_ERROR', message: 'The operation would break a data rule', details: { constraint: e.constraint } }
  }
  if (isDataException(error)) {
    const message = 'A value in the request cannot be stored or compared (invalid characters, or out of range)'
    return {
      status: 422,
      code: 'VALIDATION_ERROR',
      message,
      details: { validation_errors: [{ field: 'request', message, type: 'database' }] },
    }
  }
  if (e?.code && PG_CONNECTION_ERRORS.has(e.code)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable' }
  }
  if (e?.code === 'E_REQUEST_ENTITY_TOO_LARGE' || e?.status === 413) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' }
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return fromStatus(e.status, e.message)
  return { status: 500, code: 'INTERNAL_ERROR', message: 'An internal server error occurred' }
}

/*
 * A 4xx thrown by a library (Lucid's E_ROW_NOT_FOUND, an aborted request, …)
 * still answers with a code of the catalogue (#core/error_codes): never a
 * code the integrator cannot look up.
 */
const STATUS_CODE_NAMES: Record<number, { code: string; message: string }> = {
  401: { code: 'AUTHENTICATION_ERROR', message: 'Missing or invalid API token' },
  403: { code: 'AUTHORIZATION_ERROR', message: 'This operation is not allowed' },
  404: { code: 'NOT_FOUND', message: 'The resource does not exist' },
  429: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' },
}

function fromStatus(status: number, message: string | undefined) {
  if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' }
  if (status === 422) {
    const text = 'The request is invalid'
    return { status, code: 'VALIDATION_ERROR', message: text, details: { validation_errors: [{ field: 'request', message: text, type: 'request' }] } }
  }
  const named = STATUS_CODE_NAMES[status]
  if (named) return { status, ...named }
  // 400, 408, 415, 431 and any other client error: the request could not be read as sent.
  return { status, code: 'MALFORMED_REQUEST', message: status === 400 || status === 415 ? 'Malformed request body' : (message ?? 'The request cannot be processed') }
}
