import { createRequire } from 'node:module'
import type { ApiClient, ApiResponse } from '@japa/api-client'

/*
 * Checks real responses against the OpenAPI document the API serves.
 *
 * The JSON Schema validator is Ajv 8 (2020-12 dialect, the one OpenAPI 3.1
 * uses), loaded from where @seriousme/openapi-schema-validator, our
 * document validator, gets it: the project declares no Ajv of its own, and
 * the Ajv 6 at the top of node_modules (ESLint's) predates that dialect.
 */
const requireFromValidator = createRequire(import.meta.resolve('@seriousme/openapi-schema-validator'))
const Ajv2020 = requireFromValidator('ajv/dist/2020.js').default
const addFormats = requireFromValidator('ajv-formats').default

type JsonSchema = Record<string, unknown>
type ValidateFunction = ((data: unknown) => boolean) & { errors?: unknown[] | null }

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, JsonSchema> }
}

export interface Operation {
  operationId: string
  summary: string
  description?: string
  parameters: { name: string; in: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, MediaType> }
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>
}

export interface MediaType {
  schema?: JsonSchema
  example?: unknown
  examples?: Record<string, { summary: string; value: unknown }>
}

/**
 * The document's schemas made strict for testing: an object that lists its
 * properties accepts no other (unless it says `additionalProperties`), so a
 * field the API sends but the document does not describe fails the test.
 * The published document stays open to additive changes. An `allOf` is
 * merged into one object first, or each closed member would refuse the
 * others' properties.
 */
function closed(schema: unknown, components: Record<string, JsonSchema>): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const merged = 'allOf' in schema ? mergeAllOf(schema as JsonSchema, components) : (schema as JsonSchema)
  const copy: JsonSchema = { ...merged }
  const close = (s: unknown) => closed(s, components)
  for (const [key, value] of Object.entries(merged)) {
    if (key === 'properties' || key === '$defs') {
      copy[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, s]) => [name, close(s)]))
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') copy[key] = close(value)
    else if (key === 'anyOf' || key === 'oneOf') copy[key] = (value as unknown[]).map(close)
  }
  if (copy.properties && !('additionalProperties' in copy)) copy.additionalProperties = false
  return copy
}

function mergeAllOf(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { allOf, ...rest } = schema
  const merged: JsonSchema = { ...rest, type: 'object', properties: {}, required: [] }
  for (const member of allOf as JsonSchema[]) {
    const ref = typeof member.$ref === 'string' ? member.$ref.replace('#/components/schemas/', '') : undefined
    const resolved = ref ? components[ref] : member
    const flat = 'allOf' in resolved ? mergeAllOf(resolved, components) : resolved
    Object.assign(merged.properties as JsonSchema, flat.properties ?? {})
    ;(merged.required as string[]).push(...((flat.required as string[] | undefined) ?? []))
  }
  return merged
}

export class ContractValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true })
  private readonly compiled = new Map<string, ValidateFunction>()
  private readonly components: Record<string, JsonSchema>

  readonly document: OpenApiDocument

  constructor(document: OpenApiDocument) {
    this.document = document
    addFormats(this.ajv)
    const raw = document.components.schemas
    this.components = Object.fromEntries(Object.entries(raw).map(([name, schema]) => [name, closed(schema, raw) as JsonSchema]))
  }

  /** `METHOD /path/{param}` → the operation, or a clear failure. */
  operation(key: string): Operation {
    const [method, path] = key.split(' ')
    const operation = this.document.paths[path]?.[method.toLowerCase()]
    if (!operation) throw new Error(`${key} is not in the OpenAPI document`)
    return operation
  }

  /** Errors of `value` against a schema of the document (undefined when it is valid). */
  errors(schema: JsonSchema, value: unknown): string | undefined {
    const cacheKey = JSON.stringify(schema)
    let validate = this.compiled.get(cacheKey)
    if (!validate) {
      const strict = closed(schema, this.document.components.schemas) as JsonSchema
      validate = this.ajv.compile({ ...strict, components: { schemas: this.components } }) as ValidateFunction
      this.compiled.set(cacheKey, validate)
    }
    return validate(value) ? undefined : JSON.stringify(validate.errors, null, 2)
  }

  /**
   * Fails unless the response has the expected status, the operation
   * documents that status, and the body matches the schema documented for it.
   */
  assertResponse(response: ApiResponse, key: string, expectedStatus: number) {
    const status = String(response.status())
    if (response.status() !== expectedStatus) {
      throw new Error(`${key} answered ${status}, not ${expectedStatus}: ${response.text().slice(0, 500)}`)
    }
    const documented = this.operation(key).responses[status]
    if (!documented) throw new Error(`${key} answered ${status}, which it does not document`)
    const schema = documented.content?.['application/json']?.schema
    if (!schema) {
      if (response.text() !== '') throw new Error(`${key} ${status} has a body but documents none`)
      return
    }
    const problems = this.errors(schema, response.body())
    if (problems) {
      throw new Error(`${key} ${status} does not match its schema:\n${problems}\nbody: ${response.text().slice(0, 2000)}`)
    }
  }
}

let cached: Promise<ContractValidator> | undefined

/** The validator of the document served at /api/v1/openapi.json (fetched once per run). */
export function contract(client: ApiClient): Promise<ContractValidator> {
  cached ??= client.get('/api/v1/openapi.json').then((r) => new ContractValidator(r.body() as OpenApiDocument))
  return cached
}
