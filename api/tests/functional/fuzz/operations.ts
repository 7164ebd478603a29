import type { JsonSchema } from '#tests/functional/fuzz/hostile_values'

export interface Parameter {
  name: string
  required: boolean
  schema: JsonSchema
}

/** One operation of the OpenAPI document, as the fuzz needs it. */
export interface Operation {
  method: string
  /** `/api/v1/products/{id}` */
  template: string
  pathParams: Parameter[]
  queryParams: Parameter[]
  body?: { schema: JsonSchema; example?: Record<string, unknown> }
  isPublic: boolean
  scopes: string[]
  /** The operation reads an Idempotency-Key header (its documentation says so). */
  idempotent: boolean
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema; example?: unknown }> }
  security?: unknown[]
  'x-required-scopes'?: string[]
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
}

/** Every operation the document lists: routes added later are fuzzed without touching the test. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = []
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? []
      const param = (p: (typeof parameters)[number]) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })
      const json = operation.requestBody?.content?.['application/json']
      operations.push({
        method: method.toUpperCase(),
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map(param),
        queryParams: parameters.filter((p) => p.in === 'query').map(param),
        body: json?.schema
          ? {
              schema: json.schema,
              example:
                json.example && typeof json.example === 'object' && !Array.isArray(json.example)
                  ? (json.example as Record<string, unknown>)
                  : undefined,
            }
          : undefined,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        scopes: operation['x-required-scopes'] ?? [],
        idempotent: JSON.stringify(operation).includes('Idempotency-Key'),
      })
    }
  }
  return operations
}

export function describeOperation(operation: Operation) {
  return `${operation.method} ${operation.template}`
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
