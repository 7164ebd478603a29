import { BUSINESS_TIMEZONE } from '#core/business_time'
import { componentSchemas } from '#core/openapi/schemas'
import { exampleOf } from '#core/openapi/examples'
import { BAD_URL_DESCRIPTION, DEFAULT_ERROR_DESCRIPTIONS, defaultErrors, errorExamples, unexpectedBody } from '#core/openapi/errors'
import { badPercentEncoding } from '#core/exceptions/outside_pipeline'
import { bodyErrors } from '#core/middleware/json_body_middleware'
import { documentedRoutes, type ResponseDoc, type RouteDoc } from '#core/openapi/registry'
import { openDuringPasswordChange, passwordChangeRequired } from '#access/password_gate'

type JsonSchema = Record<string, unknown>

/* The methods whose body the API reads (#core/middleware/json_body_middleware): 400, 413, 415 on each. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** `/products/:id` → `/products/{id}` */
function toOpenApiPath(pattern: string) {
  return pattern.replace(/:([a-zA-Z_]+)\??/g, '{$1}')
}

function schemaRef(schema: JsonSchema | string | undefined) {
  if (schema === undefined) return undefined
  return typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : schema
}

function parametersFrom(doc: RouteDoc, pattern: string) {
  const parameters: JsonSchema[] = []
  const pathNames = [...pattern.matchAll(/:([a-zA-Z_]+)/g)].map((m) => m[1])
  const paramSchema = doc.params?.toJSONSchema() as { properties?: Record<string, JsonSchema> } | undefined
  for (const name of pathNames) {
    parameters.push({ name, in: 'path', required: true, schema: paramSchema?.properties?.[name] ?? { type: 'string' } })
  }
  const query = doc.query?.toJSONSchema() as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    parameters.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema })
  }
  for (const header of doc.headers ?? []) {
    parameters.push({ name: header.name, in: 'header', required: false, description: header.description, schema: header.schema, example: header.example })
  }
  return parameters
}

/** Every authenticated operation but the few a session needs to choose its own password (#access/password_gate). */
function heldBackDuringPasswordChange(doc: RouteDoc, pattern: string) {
  return doc.auth !== 'public' && !openDuringPasswordChange(pattern)
}

function responseObject(response: ResponseDoc, status: number, doc: RouteDoc, pattern: string, method: string) {
  const headers = response.headers ? { headers: response.headers } : {}
  const schema = schemaRef(response.schema)
  if (!schema) return { description: response.description, ...headers }
  const content: Record<string, unknown> = {}
  if (response.schema === 'ErrorEnvelope') {
    const errors = [...(response.errors ?? defaultErrors(status, doc, pattern))]
    if (status === 403 && heldBackDuringPasswordChange(doc, pattern)) errors.push(passwordChangeRequired())
    // A write without a body refuses one that is sent, whatever else its 422 covers.
    if (status === 422 && BODY_METHODS.has(method) && !doc.body) errors.push(unexpectedBody)
    // Any URL can be malformed (refused before routing); only a method whose body is read can have a malformed body.
    if (status === 400) {
      if (response.errors === undefined && BODY_METHODS.has(method)) errors.push(bodyErrors.malformedJson('syntax'), bodyErrors.notUtf8())
      errors.push(badPercentEncoding())
    }
    const examples = errorExamples(errors, pattern)
    content['application/json'] = { schema, ...(Object.keys(examples).length > 0 ? { examples } : {}) }
    const description =
      status === 403 && heldBackDuringPasswordChange(doc, pattern) && response.errors !== undefined
        ? `${response.description}; or a session whose password an administrator set (PASSWORD_CHANGE_REQUIRED)`
        : response.description
    return { description, ...headers, content }
  }
  for (const media of [{ ...response, contentType: response.contentType ?? 'application/json' }, ...(response.alternatives ?? [])]) {
    const mediaSchema = schemaRef(media.schema) ?? { type: 'string' }
    const example = media.example ?? (media.contentType === 'application/json' ? exampleOf(mediaSchema) : undefined)
    content[media.contentType] = { schema: mediaSchema, ...(example !== undefined ? { example } : {}) }
  }
  return { description: response.description, ...headers, content }
}

function operation(doc: RouteDoc, pattern: string, method: string) {
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(doc.responses)) {
    responses[status] = responseObject(response, Number(status), doc, pattern, method)
  }
  const readsBody = BODY_METHODS.has(method)
  const errorStatuses = [
    // A URL whose percent-encoding does not decode is a 400 on any operation (refused before routing).
    400,
    // Every POST, PUT, PATCH and DELETE reads its body as JSON, whether the operation takes one or not.
    ...(readsBody ? [413, 415] : []),
    // A route with no scope (auth: []) only needs a valid token: it never answers 403 for a scope.
    // …unless a session that must change its password may not call it either (PASSWORD_CHANGE_REQUIRED).
    ...(doc.auth === 'public' ? [] : doc.auth.length > 0 || heldBackDuringPasswordChange(doc, pattern) ? [401, 403] : [401]),
    // A write without a body still refuses one (a 422 naming its fields).
    ...(doc.params || doc.query || doc.body || readsBody ? [422] : []),
  ]
  for (const status of errorStatuses) {
    const description =
      status === 422 && !doc.params && !doc.query && !doc.body
        ? 'A body was sent; this operation takes none'
        : status === 400 && !readsBody
          ? BAD_URL_DESCRIPTION
          : DEFAULT_ERROR_DESCRIPTIONS[status]
    responses[status] ??= responseObject({ description, schema: 'ErrorEnvelope' }, status, doc, pattern, method)
  }
  return {
    operationId: `${method.toLowerCase()}${pattern.replace(/[/:{}-]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    ...describedWithScopes(doc),
    tags: doc.tags,
    ...(doc.auth === 'public'
      ? { security: [] }
      : { 'x-required-scopes': doc.auth, security: [{ ApiToken: [] }, { BearerToken: [] }] }),
    parameters: parametersFrom(doc, pattern),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: doc.body.toJSONSchema() as JsonSchema,
                ...(doc.bodyExample !== undefined ? { example: doc.bodyExample } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  }
}

/* What /docs shows first: what an integrator needs before the first call. */
const API_DESCRIPTION = [
  'Multi-store point of sale and inventory: five stores with their registers, a central warehouse, a head office.',
  '',
  '**Authentication.** Every operation but the public ones (health, errors, this document, login) needs a token, in ' +
    '`X-API-Token: cpt_…` or `Authorization: Bearer cpt_…`. Integration tokens are made by an administrator ' +
    '(`POST /api/v1/tokens`, or `node ace token:create` on the server) and shown once; people get a session token ' +
    'from `POST /api/v1/auth/login` (12 hours). A missing or wrong token is a 401.',
  '',
  '**Scopes.** A token carries scopes: `read` (lists and reads), `write` (sales, returns, stock, catalogue), ' +
    '`reports` (the /reports routes), `admin` (users, tokens, cache). Each operation names the scopes it needs ' +
    '(in its description and in `x-required-scopes`); a token without them is a 403 with `details.missing_scopes`. ' +
    'Some operations also need a person behind the token: opening or closing a register drawer (an integration ' +
    'token cannot; a sale needs a drawer a clerk opened), managers’ stock writes and approvals.',
  '',
  '**Rate limits.** Only sign-in and password changes are limited, over 15 minutes: 5 failures per account and ' +
    'client address (failed sign-ins and wrong current passwords together) and 30 failed sign-ins per address; then ' +
    '429 with `Retry-After`. Other operations are not rate-limited.',
  '',
  '**Retries.** Writes that document an `Idempotency-Key` header replay the first result for a retry with the same ' +
    'key and body (200, `Idempotent-Replayed: true`); another body with the same key is a 409.',
  '',
  '**Formats.** Money is a decimal string with two decimals (`"12.50"`; inputs also take a number); field names are ' +
    'French on the wire; instants are ISO 8601 UTC with milliseconds; dates in filters are business days of ' +
    `${BUSINESS_TIMEZONE}. ` +
    'Lists are `{ total, page, size, items }` (`page`, `size` ≤ 100). Every error uses the envelope ' +
    'described by ErrorEnvelope (see GET /api/v1/errors). Paths also answer with a trailing slash. Browsers of ' +
    'other origins may call the API’s resources (CORS, without credentials; not sign-in).',
].join('\n')

const TOKEN_DESCRIPTION =
  'An integration token (an administrator makes it: POST /api/v1/tokens) or a session token (POST /api/v1/auth/login).'

function describedWithScopes(doc: RouteDoc): { description?: string } {
  const scopes =
    doc.auth === 'public'
      ? 'Public: no token needed.'
      : doc.auth.length > 0
        ? `Token scopes: ${doc.auth.map((scope) => `\`${scope}\``).join(', ')}.`
        : 'Any valid token.'
  const text = [doc.description, scopes].filter(Boolean).join('\n\n')
  return text ? { description: text } : {}
}

/** Builds the OpenAPI 3.1 document from the routes declared with `documented()`. */
export function generateOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const { methods, pattern, doc } of documentedRoutes()) {
    const path = toOpenApiPath(pattern)
    paths[path] ??= {}
    for (const method of methods) paths[path][method.toLowerCase()] = operation(doc, pattern, method)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Comptoir API',
      version,
      description: API_DESCRIPTION,
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        ApiToken: { type: 'apiKey', in: 'header', name: 'X-API-Token', description: TOKEN_DESCRIPTION },
        BearerToken: { type: 'http', scheme: 'bearer', description: `${TOKEN_DESCRIPTION} The same token as X-API-Token, as \`Authorization: Bearer cpt_…\`.` },
      },
      schemas: componentSchemas(),
    },
    paths,
  }
}
