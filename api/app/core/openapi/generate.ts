import { componentSchemas } from '#core/openapi/schemas'
import { exampleOf } from '#core/openapi/examples'
import { DEFAULT_ERROR_DESCRIPTIONS, defaultErrors, errorExamples, unexpectedBody } from '#core/openapi/errors'
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
    // Every POST, PUT, PATCH and DELETE reads its body as JSON, whether the operation takes one or not.
    ...(readsBody ? [400, 413, 415] : []),
    // A route with no scope (auth: []) only needs a valid token: it never answers 403 for a scope.
    // …unless a session that must change its password may not call it either (PASSWORD_CHANGE_REQUIRED).
    ...(doc.auth === 'public' ? [] : doc.auth.length > 0 || heldBackDuringPasswordChange(doc, pattern) ? [401, 403] : [401]),
    // A write without a body still refuses one (a 422 naming its fields).
    ...(doc.params || doc.query || doc.body || readsBody ? [422] : []),
  ]
  for (const status of errorStatuses) {
    const description = status === 422 && !doc.params && !doc.query && !doc.body ? 'A body was sent; this operation takes none' : DEFAULT_ERROR_DESCRIPTIONS[status]
    responses[status] ??= responseObject({ description, schema: 'ErrorEnvelope' }, status, doc, pattern, method)
  }
  return {
    operationId: `${method.toLowerCase()}${pattern.replace(/[/:{}-]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
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
      description:
        'Multi-store point of sale and inventory. Money is a decimal string with two decimals; ' +
        'field names are French on the wire. Every error uses the envelope described by ErrorEnvelope ' +
        '(see GET /api/v1/errors). Paths also answer with a trailing slash.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        ApiToken: { type: 'apiKey', in: 'header', name: 'X-API-Token' },
        BearerToken: { type: 'http', scheme: 'bearer' },
      },
      schemas: componentSchemas(),
    },
    paths,
  }
}
