import { componentSchemas } from '#core/openapi/schemas'
import { documentedRoutes, type ResponseDoc, type RouteDoc } from '#core/openapi/registry'

type JsonSchema = Record<string, unknown>

const ERROR_RESPONSES: Record<number, string> = {
  401: 'Missing, unknown, expired or revoked token',
  403: 'The token lacks a required scope or role',
  422: 'Validation error (details.validation_errors lists each field)',
}

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
  return parameters
}

function responseObject(response: ResponseDoc) {
  const schema = schemaRef(response.schema)
  if (!schema) return { description: response.description }
  const content: Record<string, unknown> = {}
  for (const media of [{ ...response, contentType: response.contentType ?? 'application/json' }, ...(response.alternatives ?? [])]) {
    content[media.contentType] = {
      schema: schemaRef(media.schema) ?? { type: 'string' },
      ...(media.example !== undefined ? { example: media.example } : {}),
    }
  }
  return { description: response.description, content }
}

function operation(doc: RouteDoc, pattern: string, method: string) {
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(doc.responses)) responses[status] = responseObject(response)
  const errorStatuses = [
    ...(doc.auth === 'public' ? [] : [401, 403]),
    ...(doc.params || doc.query || doc.body ? [422] : []),
  ]
  for (const status of errorStatuses) {
    responses[status] ??= responseObject({ description: ERROR_RESPONSES[status], schema: 'ErrorEnvelope' })
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
