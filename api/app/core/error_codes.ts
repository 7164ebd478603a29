/**
 * The catalogue of error codes the API can answer with, served as-is by
 * GET /api/v1/errors so integrators can map them without reading our code.
 */
export const errorCodes = {
  VALIDATION_ERROR: {
    status: 422,
    description: 'A parameter, query value or body field is invalid; details.validation_errors lists each one.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    description:
      'The request cannot be read: a body that is not valid JSON or not JSON at all (415), a URL with an invalid ' +
      'percent-encoding, headers too large (431).',
  },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body exceeds the size limit.' },
  AUTHENTICATION_ERROR: {
    status: 401,
    description: 'The X-API-Token / Authorization: Bearer token is missing, unknown, expired or revoked.',
  },
  AUTHORIZATION_ERROR: {
    status: 403,
    description: 'The token is valid but lacks the scope or role this operation needs.',
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
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    description: 'The Idempotency-Key was already used with a different request body.',
  },
  REGISTER_CLOSED: { status: 409, description: 'The register has no open session (open one before selling or refunding cash).' },
  REGISTER_ALREADY_OPEN: { status: 409, description: 'The register already has an open session.' },
  RETURN_EXCEEDS_SOLD: { status: 409, description: 'More would come back than was sold on that line (minus earlier returns).' },
  NOTHING_TO_RETURN: { status: 409, description: 'Every line of the sale has already been returned.' },
  BUSINESS_LOGIC_ERROR: { status: 422, description: 'The request is well formed but breaks a business rule.' },
  RATE_LIMIT_EXCEEDED: { status: 429, description: 'Too many requests; retry after the Retry-After delay.' },
  SERVICE_UNAVAILABLE: { status: 503, description: 'A dependency (the database) is unavailable.' },
  INTERNAL_ERROR: { status: 500, description: 'An unexpected error; it is logged with the request id.' },
} as const

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
