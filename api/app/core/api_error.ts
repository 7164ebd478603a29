/**
 * A failure the client can act on. Thrown anywhere in the domain code and
 * turned into the error envelope by the exception handler; the status and
 * code are part of the public contract (see GET /api/v1/errors).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
  }

  /** `field`: the body field that named the missing resource (`lignes.1.produit_id`), so a client can point at it. */
  static notFound(resource: string, identifier: string | number, field?: string) {
    return new ApiError(404, 'NOT_FOUND', `${resource} with identifier ${identifier} not found`, {
      resource,
      identifier,
      ...(field === undefined ? {} : { field }),
    })
  }

  /** `duplicates`: every value of the request already taken, when more than the first may be (a user's name and e-mail). */
  static duplicate(resource: string, field: string, value: unknown, duplicates?: { field: string; value: unknown }[]) {
    return new ApiError(
      409,
      'DUPLICATE_RESOURCE',
      `${resource} with ${field} '${String(value)}' already exists`,
      { resource, field, value, ...(duplicates ? { duplicates } : {}) }
    )
  }

  /** `usedBy` names what refers to the resource; `details.used_by` is always that list. */
  /**
   * A deletion refused because other records refer to the resource. `instead`
   * says what to do rather than delete: in words in the message, and as the
   * change to send in details.suggestion.
   */
  static inUse(
    resource: string,
    identifier: string | number,
    usedBy: string[],
    instead?: { advice: string; suggestion: Record<string, unknown> }
  ) {
    return new ApiError(
      409,
      'RESOURCE_IN_USE',
      `${resource} with identifier ${identifier} is referenced by ${usedBy.join(', ')} and cannot be deleted` +
        (instead ? `; ${instead.advice}` : ''),
      { resource, identifier, used_by: usedBy, ...(instead && { suggestion: instead.suggestion }) }
    )
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>) {
    return new ApiError(409, code, message, details)
  }

  static business(message: string, details?: Record<string, unknown>) {
    return new ApiError(422, 'BUSINESS_LOGIC_ERROR', message, details)
  }

  static unauthenticated(message = 'Missing or invalid API token') {
    return new ApiError(401, 'AUTHENTICATION_ERROR', message)
  }

  static forbidden(message: string, details?: Record<string, unknown>) {
    return new ApiError(403, 'AUTHORIZATION_ERROR', message, details)
  }
}
