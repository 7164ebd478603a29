import { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'

interface StrictValidator<Output> {
  validate(data: unknown): Promise<Output>
  toJSONSchema(): object
}

/**
 * Validates a JSON body and refuses fields the schema does not know: a typo
 * like `prx` must not be silently dropped while the request "succeeds".
 */
export async function validateBody<Output>(
  validator: StrictValidator<Output>,
  ctx: HttpContext
): Promise<Output> {
  const body = ctx.request.body()
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.E_VALIDATION_ERROR([{ field: 'body', message: 'The request body must be a JSON object', rule: 'object' }])
  }
  const known = Object.keys((validator.toJSONSchema() as { properties?: object }).properties ?? {})
  const unknown = Object.keys(body).filter((key) => !known.includes(key))
  if (unknown.length > 0) {
    throw new errors.E_VALIDATION_ERROR(
      unknown.map((field) => ({ field, message: `Unknown field '${field}'`, rule: 'unknownField' }))
    )
  }
  return validator.validate(body)
}

/** Validates the query string with the same refusal of unknown parameters. */
export async function validateQuery<Output>(
  validator: StrictValidator<Output>,
  ctx: HttpContext
): Promise<Output> {
  const query = ctx.request.qs()
  const known = Object.keys((validator.toJSONSchema() as { properties?: object }).properties ?? {})
  const unknown = Object.keys(query).filter((key) => !known.includes(key))
  if (unknown.length > 0) {
    throw new errors.E_VALIDATION_ERROR(
      unknown.map((field) => ({ field, message: `Unknown query parameter '${field}'`, rule: 'unknownField' }))
    )
  }
  return validator.validate(query)
}
