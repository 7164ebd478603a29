import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { toEnvelope } from '#core/exceptions/to_envelope'
import type { ResponseDoc, RouteDoc } from '#core/openapi/registry'
import { bodyErrors } from '#core/middleware/json_body_middleware'

/*
 * Error responses and their examples. An example is the envelope the
 * exception handler itself builds for the error (toEnvelope), so it cannot
 * drift from what the API answers; only the timestamp is fixed.
 */
type JsonSchema = Record<string, unknown>

const EXAMPLE_TIMESTAMP = '2026-11-24T14:32:05.120Z'

/** What path parameters stand for in example paths (`/sales/{id}` → `/sales/42`). */
const EXAMPLE_PARAMS: Record<string, string> = {
  id: '42',
  code: 'ALI001',
  name: 'Magasin%20Centre-Ville',
  file: 'swagger-ui.css',
}

/** A response with the error envelope and one example per error it can carry. */
export function errorResponse(description: string, ...errors: Error[]): ResponseDoc {
  return { description, schema: 'ErrorEnvelope', errors }
}

/** The 403 of the auth middleware when the token lacks a scope. */
export function missingScope(scopes: string[]) {
  return ApiError.forbidden(`This token lacks the scope(s): ${scopes.join(', ')}`, { required_scopes: scopes, missing_scopes: scopes })
}

/** The 403 of the store policy: a clerk acting on another store than theirs. */
export const otherStore = ApiError.forbidden('A clerk can only act on their own store', { store_id: 2, own_store_id: 1 })

/** The VALIDATION_ERROR VineJS raises for one field (`rule` is the rule that failed). */
export function validationError(field: string, message: string, rule: string) {
  return new vineErrors.E_VALIDATION_ERROR([{ field, message, rule }])
}

/** The 400 of an operation that reads no body: only its URL can be malformed. */
export const BAD_URL_DESCRIPTION = 'The URL has a percent-encoding that does not decode (MALFORMED_REQUEST)'

export const DEFAULT_ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The body is not valid JSON, or not valid UTF-8, or the URL has a percent-encoding that does not decode (MALFORMED_REQUEST)',
  413: 'The body is over 256 kB (PAYLOAD_TOO_LARGE)',
  415: 'The body is not JSON, or declares another charset than UTF-8 (MALFORMED_REQUEST)',
  401: 'Missing, unknown, expired or revoked token',
  403: 'The token lacks a required scope or role (AUTHORIZATION_ERROR), or the session is one whose password an administrator set and must first be changed (PASSWORD_CHANGE_REQUIRED)',
  422: 'Validation error (details.validation_errors lists each field)',
}

function firstProperty(schema: JsonSchema | undefined, requiredOnly: boolean) {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>
  const names = requiredOnly ? ((schema?.required as string[] | undefined) ?? []) : Object.keys(properties)
  const name = names.find((n) => n in properties)
  return name === undefined ? undefined : { name, schema: properties[name] }
}

/** A failure this operation answers with: a missing body field, a bad id, or a bad query value (the API's own wording). */
function validationFailure(doc: RouteDoc, pattern: string) {
  const required = firstProperty(doc.body?.toJSONSchema() as JsonSchema | undefined, true)
  if (required) return { field: required.name, message: `The ${required.name} field must be defined`, rule: 'required' }
  const param = /:([a-zA-Z_]+)/.exec(pattern)?.[1]
  if (param === 'id') return { field: 'id', message: 'The id field must be a number', rule: 'number' }
  const query = firstProperty((doc.query ?? doc.body)?.toJSONSchema() as JsonSchema | undefined, false)
  if (!query) return { field: param ?? 'request', message: `The ${param ?? 'request'} field format is invalid`, rule: 'regex' }
  const types = [query.schema.type].flat()
  if (query.schema.enum) return { field: query.name, message: `The selected ${query.name} is invalid`, rule: 'enum' }
  if (types.includes('integer') || types.includes('number')) {
    // The query-string check of #core/validation, before VineJS sees the value.
    const kind = types.includes('integer') ? 'an integer' : 'a number'
    return { field: query.name, message: `The ${query.name} parameter must be ${kind} in decimal digits`, rule: 'number' }
  }
  if (types.includes('boolean')) return { field: query.name, message: 'The value must be a boolean', rule: 'boolean' }
  return { field: query.name, message: `The ${query.name} field must not be greater than 100 characters`, rule: 'maxLength' }
}

/** The 422 of a write that takes no body when one is sent (the JSON body middleware's). */
export const unexpectedBody = bodyErrors.noBodyExpected({ quantite: 500 })

/** The errors every operation of its kind can answer with, when the route names none. */
export function defaultErrors(status: number, doc: RouteDoc, pattern: string): Error[] {
  switch (status) {
    case 401:
      return [
        ApiError.unauthenticated('Missing API token (X-API-Token or Authorization: Bearer)'),
        ApiError.unauthenticated('Invalid, expired or revoked API token'),
      ]
    case 403:
      return doc.auth === 'public' || doc.auth.length === 0 ? [] : [missingScope(doc.auth)]
    case 400:
      // The URL's example is added to every 400 by the generator, which knows the method.
      return []
    case 413:
      return [bodyErrors.tooLarge()]
    case 415:
      return [bodyErrors.notJson('text/plain'), bodyErrors.otherCharset('application/json; charset=iso-8859-1', 'iso-8859-1')]
    case 422: {
      if (!doc.params && !doc.query && !doc.body) return []
      const failure = validationFailure(doc, pattern)
      return [validationError(failure.field, failure.message, failure.rule)]
    }
    default:
      return []
  }
}

export function examplePath(pattern: string) {
  return pattern.replace(/:([a-zA-Z_]+)\??/g, (_, name: string) => EXAMPLE_PARAMS[name] ?? '1')
}

/** OpenAPI `examples` (keyed by error_code) for the given errors. */
export function errorExamples(errors: Error[], pattern: string) {
  const examples: Record<string, { summary: string; value: unknown }> = {}
  for (const error of errors) {
    const value = { ...toEnvelope(error, examplePath(pattern)), timestamp: EXAMPLE_TIMESTAMP }
    let key = value.error_code
    for (let n = 2; key in examples; n++) key = `${value.error_code}_${n}`
    examples[key] = { summary: value.message, value }
  }
  return examples
}
