import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { toEnvelope } from '#core/exceptions/to_envelope'
import { passwordChangeRequired } from '#access/password_gate'
import { inFlightExample, quantityChangedExample } from '#inventory/openapi_examples'

/*
 * Each code: the HTTP status it comes with and what it means; `statuses` when it comes with more
 * than one (the catalogue lists them all: an integrator who maps 415 needs to find it here).
 */
const definitions = {
  VALIDATION_ERROR: {
    status: 422,
    description: 'A parameter, query value or body field is invalid; details.validation_errors lists each one.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    statuses: [400, 408, 413, 415, 431],
    description:
      'The request cannot be read: a body that is not valid JSON or not valid UTF-8, a URL with an invalid ' +
      'percent-encoding, an HTTP request that does not parse; 408 for a request that took too long to arrive, 413 for ' +
      'chunk extensions too large, 415 for a body that is not JSON at all or declares another charset than UTF-8, 431 for headers too large.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body exceeds the size limit (256 kB).' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    description: 'The path exists but not for this HTTP method; the Allow header and details.allowed list the methods it accepts.',
  },
  AUTHENTICATION_ERROR: {
    status: 401,
    description: 'The X-API-Token / Authorization: Bearer token is missing, unknown, expired or revoked.',
  },
  AUTHORIZATION_ERROR: {
    status: 403,
    description: 'The token is valid but lacks the scope or role this operation needs.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    description:
      'The session belongs to a user whose password an administrator set (new account or reset): until they choose ' +
      'their own with POST /api/v1/auth/password, only GET /api/v1/auth/me, POST /api/v1/auth/password and ' +
      'POST /api/v1/auth/logout answer. Integration tokens are never concerned.',
  },
  NOT_FOUND: { status: 404, description: 'The resource or route does not exist.' },
  DUPLICATE_RESOURCE: { status: 409, description: 'A resource with the same unique value already exists.' },
  RESOURCE_IN_USE: {
    status: 409,
    description: 'The resource is referenced by other records (sales, stock, registers) and cannot be deleted.',
  },
  INSUFFICIENT_STOCK: {
    status: 409,
    description: 'Not enough stock at the location for the requested quantity; details.items says how much is available.',
  },
  INVALID_TRANSITION: {
    status: 409,
    description: 'The resource is not in a state that allows this action (e.g. approving a request twice).',
  },
  QUANTITY_CHANGED: {
    status: 409,
    description:
      'The replenishment request now asks for another quantity than the one sent with the approval (the store changed it ' +
      'while it was pending); details.quantite is the current one, details.quantite_vue the one sent. Nothing was approved.',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    description:
      'The Idempotency-Key (keys are per user, or per integration token) was already used with a different request body; ' +
      'for POST /tokens also a retry of a creation that succeeded (details.token_id: the secret is never shown twice).',
  },
  REPLENISHMENT_IN_FLIGHT: {
    status: 409,
    description:
      'The store already awaits this product (a request en_attente, validee or expediee); details.replenishment_id and details.statut name that request.',
  },
  REGISTER_CLOSED: { status: 409, description: 'The register has no open session (open one before selling or refunding cash).' },
  REGISTER_ALREADY_OPEN: { status: 409, description: 'The register already has an open session.' },
  INSUFFICIENT_CASH: {
    status: 409,
    description:
      'A cash refund is more than the drawer holds (float + cash taken − change − cash refunded); details.cash_refund_cents, and details.drawer_cash_cents except for a clerk (who counts the drawer blind).',
  },
  RETURN_EXCEEDS_SOLD: { status: 409, description: 'More would come back than was sold on that line (minus earlier returns).' },
  NOTHING_TO_RETURN: { status: 409, description: 'Every line of the sale has already been returned.' },
  BUSINESS_LOGIC_ERROR: { status: 422, description: 'The request is well formed but breaks a business rule.' },
  RATE_LIMIT_EXCEEDED: { status: 429, description: 'Too many requests; retry after the Retry-After delay.' },
  SERVICE_UNAVAILABLE: { status: 503, description: 'A dependency (the database) is unavailable.' },
  INTERNAL_ERROR: { status: 500, description: 'An unexpected error; it is logged with the request id.' },
} as const satisfies Record<string, { status: number; statuses?: readonly number[]; description: string }>


/*
 * One example per code: the envelope the exception handler builds for a
 * typical error of that code (the original's catalogue gave one per code).
 */
const validation = (field: string, message: string, rule: string) => new vineErrors.E_VALIDATION_ERROR([{ field, message, rule }])
const exampleErrors: Record<keyof typeof definitions, [path: string, error: Error]> = {
  VALIDATION_ERROR: ['/api/v1/products', validation('prix', 'The prix field must be defined', 'required')],
  MALFORMED_REQUEST: ['/api/v1/products/42', new ApiError(400, 'MALFORMED_REQUEST', 'Malformed request body: the JSON does not parse', { reason: 'syntax' })],
  PAYLOAD_TOO_LARGE: ['/api/v1/products', new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large', { limit_bytes: 262144 })],
  METHOD_NOT_ALLOWED: [
    '/api/v1/products',
    new ApiError(405, 'METHOD_NOT_ALLOWED', 'Method PUT is not allowed on this path (allowed: GET, HEAD, POST)', {
      method: 'PUT',
      allowed: ['GET', 'HEAD', 'POST'],
    }),
  ],
  AUTHENTICATION_ERROR: ['/api/v1/products', ApiError.unauthenticated('Missing API token (X-API-Token or Authorization: Bearer)')],
  AUTHORIZATION_ERROR: [
    '/api/v1/products',
    ApiError.forbidden('This token lacks the scope(s): write', { required_scopes: ['write'], missing_scopes: ['write'] }),
  ],
  PASSWORD_CHANGE_REQUIRED: ['/api/v1/products', passwordChangeRequired()],
  NOT_FOUND: ['/api/v1/products/999', ApiError.notFound('Product', 999)],
  DUPLICATE_RESOURCE: ['/api/v1/products', ApiError.duplicate('Product', 'code', 'ALI001')],
  RESOURCE_IN_USE: ['/api/v1/categories/1', ApiError.inUse('Category', 1, ['products'])],
  INSUFFICIENT_STOCK: [
    '/api/v1/sales',
    ApiError.conflict('INSUFFICIENT_STOCK', 'Not enough stock for Pain', {
      emplacement: { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' },
      items: [{ product_id: 1, product: 'Pain', requested: 600, available: 539 }],
    }),
  ],
  INVALID_TRANSITION: [
    '/api/v1/replenishments/42/approve',
    ApiError.conflict('INVALID_TRANSITION', 'Cannot approve a replenishment request that is livree', {
      from: 'livree',
      action: 'approve',
      allowed_actions: [],
    }),
  ],
  QUANTITY_CHANGED: ['/api/v1/replenishments/57/approve', quantityChangedExample],
  IDEMPOTENCY_CONFLICT: [
    '/api/v1/sales',
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for another sale', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    }),
  ],
  REPLENISHMENT_IN_FLIGHT: [
    '/api/v1/replenishments',
    inFlightExample,
  ],
  REGISTER_CLOSED: [
    '/api/v1/sales',
    ApiError.conflict('REGISTER_CLOSED', 'The register is not open: open a register session before selling', { register_id: 2 }),
  ],
  INSUFFICIENT_CASH: [
    '/api/v1/sales/42/returns',
    ApiError.conflict(
      'INSUFFICIENT_CASH',
      'The drawer holds 5.00 in cash, less than the 8.22 to refund in cash: refund to another tender, or at a register whose drawer holds the cash (caisse_id)',
      { register_id: 2, session_id: 311, cash_refund_cents: 822, drawer_cash_cents: 500 }
    ),
  ],
  REGISTER_ALREADY_OPEN: [
    '/api/v1/registers/2/sessions',
    ApiError.conflict('REGISTER_ALREADY_OPEN', 'This register already has an open session', { register_id: 2, session_id: 7 }),
  ],
  RETURN_EXCEEDS_SOLD: [
    '/api/v1/sales/42/returns',
    ApiError.conflict('RETURN_EXCEEDS_SOLD', 'The quantity returned is more than what is left of the quantity sold', {
      line_id: 5523,
      sold: 3,
      already_returned: 0,
      requested: 4,
    }),
  ],
  NOTHING_TO_RETURN: ['/api/v1/sales/42/returns', ApiError.conflict('NOTHING_TO_RETURN', 'Every item of this sale has already been returned')],
  BUSINESS_LOGIC_ERROR: [
    '/api/v1/cache/clear',
    ApiError.business("Unsupported pattern 'clients*'", { supported_patterns: ['*', 'products*', 'categories*', 'stores*', 'reports*'] }),
  ],
  RATE_LIMIT_EXCEEDED: [
    '/api/v1/auth/login',
    new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'Too many login attempts; try again later', { retry_after: 840 }),
  ],
  SERVICE_UNAVAILABLE: ['/api/v1/products', new ApiError(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable')],
  INTERNAL_ERROR: ['/api/v1/sales', new Error('connection lost')],
}

const EXAMPLE_TIMESTAMP = '2026-11-24T14:32:05.120Z'

/**
 * The catalogue of error codes the API can answer with, served as-is by
 * GET /api/v1/errors so integrators can map them without reading our code:
 * per code its usual status, every status it comes with, what it means and an example envelope.
 */
export const errorCodes = Object.fromEntries(
  Object.entries(definitions).map(([code, definition]) => {
    const [path, error] = exampleErrors[code as keyof typeof definitions]
    const statuses: readonly number[] = 'statuses' in definition ? definition.statuses : [definition.status]
    return [code, { status: definition.status, statuses, description: definition.description, example: { ...toEnvelope(error, path), timestamp: EXAMPLE_TIMESTAMP } }]
  })
) as {
  [Code in keyof typeof definitions]: {
    status: (typeof definitions)[Code]['status']
    statuses: readonly number[]
    description: string
    example: ReturnType<typeof toEnvelope>
  }
}

export type ErrorCode = keyof typeof errorCodes

/** What GET /api/v1/errors answers: the codes, and the envelope every error comes in. */
export const errorCatalogue = {
  error_codes: errorCodes,
  response_format: {
    timestamp: 'ISO-8601 time of the error',
    status: 'HTTP status code',
    error: 'HTTP reason phrase',
    message: 'Human-readable explanation',
    path: 'Request path',
    error_code: 'One of error_codes',
    details: 'Structured context (validation_errors, resource, identifier, ...) or null',
  },
}
