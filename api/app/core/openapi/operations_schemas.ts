import { errorCodes } from '#core/error_codes'

/* Response schemas of the operational routes (health, error catalogue, this document, cache). */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const text = { type: 'string' }

function object(properties: Record<string, unknown>, required = Object.keys(properties)) {
  return { type: 'object', required, properties }
}

/** A map whose keys are free (paths, names) and whose values follow a schema. */
const mapOf = (values: unknown, description: string) => ({ type: 'object', description, additionalProperties: values })

const dependencyCheck = (statuses: string[]) =>
  object(
    {
      status: { enum: statuses },
      latency_ms: { type: 'integer', minimum: 0, description: 'Round trip of the check, when it answered' },
      error: { type: 'string', description: 'Why the check failed' },
    },
    ['status']
  )

const errorCodeEntry = object({
  status: { type: 'integer' },
  statuses: { type: 'array', items: { type: 'integer' }, description: 'Every HTTP status the code is sent with' },
  description: text,
  example: ref('ErrorEnvelope'),
})

/*
 * This document described with the parts it uses. A JSON Schema inside it
 * is only sketched (its common keywords; not `$ref`, which document
 * validators would take for a reference): its full meta-schema is the
 * JSON Schema 2020-12 specification's.
 */
const jsonSchema = {
  type: ['object', 'boolean'],
  description: 'A JSON Schema (2020-12 dialect)',
  required: [],
  properties: {
    type: { type: ['string', 'array'], items: text },
    properties: mapOf(ref('JsonSchema'), 'Schemas of the object properties'),
    required: { type: 'array', items: text },
    items: ref('JsonSchema'),
    enum: { type: 'array', items: { description: 'Any JSON value' } },
    anyOf: { type: 'array', items: ref('JsonSchema') },
    oneOf: { type: 'array', items: ref('JsonSchema') },
    additionalProperties: ref('JsonSchema'),
    description: text,
  },
  additionalProperties: true,
}

const mediaType = object(
  {
    schema: ref('JsonSchema'),
    example: { description: 'An example value of the schema' },
    examples: mapOf(object({ summary: text, value: { description: 'An example value of the schema' } }), 'Named examples'),
  },
  ['schema']
)

const operation = object(
  {
    operationId: text,
    summary: text,
    description: text,
    tags: { type: 'array', items: text },
    security: { type: 'array', items: mapOf({ type: 'array', items: text }, 'Security scheme name → scopes') },
    'x-required-scopes': { type: 'array', items: { enum: ['read', 'write', 'reports', 'admin'] } },
    parameters: {
      type: 'array',
      items: object(
        {
          name: text,
          in: { enum: ['path', 'query', 'header'] },
          required: { type: 'boolean' },
          description: text,
          schema: ref('JsonSchema'),
          example: { description: 'An example value' },
        },
        ['name', 'in', 'required', 'schema']
      ),
    },
    requestBody: object({ required: { type: 'boolean' }, content: mapOf(mediaType, 'Media type → schema') }),
    responses: mapOf(
      object(
        {
          description: text,
          headers: mapOf(object({ description: text, schema: ref('JsonSchema') }), 'Response headers'),
          content: mapOf(mediaType, 'Media type → schema and examples'),
        },
        ['description']
      ),
      'HTTP status → response'
    ),
  },
  ['operationId', 'summary', 'tags', 'security', 'parameters', 'responses']
)

export const operationsSchemas: Record<string, Record<string, unknown>> = {
  HealthChecks: object({ database: dependencyCheck(['up', 'down']), redis: dependencyCheck(['up', 'down', 'not_configured']) }),
  ErrorCatalogue: object({
    error_codes: object(Object.fromEntries(Object.keys(errorCodes).map((code) => [code, errorCodeEntry]))),
    response_format: object(
      Object.fromEntries(['timestamp', 'status', 'error', 'message', 'path', 'error_code', 'details'].map((f) => [f, text]))
    ),
  }),
  JsonSchema: jsonSchema,
  OpenApiDocument: object({
    openapi: { const: '3.1.0' },
    info: object({ title: text, version: text, description: text }),
    servers: { type: 'array', items: object({ url: text }) },
    components: object({
      securitySchemes: mapOf(
        object({ type: { enum: ['apiKey', 'http'] }, in: text, name: text, scheme: text, description: text }, ['type']),
        'Security scheme name → scheme'
      ),
      schemas: mapOf(ref('JsonSchema'), 'Schema name → schema'),
    }),
    paths: mapOf(mapOf(operation, 'HTTP method → operation'), 'Path → its operations'),
  }),
  CacheStats: object({
    enabled: { type: 'boolean' },
    store: { enum: ['memoire', 'memoire+redis'] },
    instance: text,
    hits: { type: 'integer', minimum: 0 },
    misses: { type: 'integer', minimum: 0 },
    hit_ratio: { type: 'number', minimum: 0, maximum: 1 },
    keys: { type: 'integer', minimum: 0, description: 'Entries this instance wrote' },
    layers: object({
      l1: object({ type: { const: 'memory' }, hits: { type: 'integer', minimum: 0 } }),
      l2: object({ type: { const: 'redis' }, hits: { type: 'integer', minimum: 0 }, status: { enum: ['up', 'down', 'not_configured'] } }),
    }),
  }),
  CacheCleared: object({ message: text, cleared_count: { type: 'integer', minimum: 0 } }),
}
