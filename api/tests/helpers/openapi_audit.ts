import type { MediaType, OpenApiDocument, Operation } from '#tests/helpers/openapi_contract'

/*
 * What the OpenAPI document must say about every operation, checked by
 * walking it: typed response schemas (no bare `object`), examples, error
 * envelopes with examples. Each problem is one line naming the operation.
 */

type JsonSchema = Record<string, unknown>

const COMPOSITION = ['oneOf', 'anyOf', 'allOf'] as const

/** Why a response schema is not a full description of the data, one line per place. */
export function schemaProblems(document: OpenApiDocument, schema: JsonSchema | undefined, where: string, seen = new Set<string>()): string[] {
  if (!schema) return [`${where}: no schema`]
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '')
    if (seen.has(name)) return []
    const target = document.components.schemas[name]
    if (!target) return [`${where}: $ref to unknown schema ${name}`]
    return schemaProblems(document, target, `${where} → ${name}`, new Set([...seen, name]))
  }
  const problems: string[] = []
  for (const keyword of COMPOSITION) {
    for (const [i, member] of ((schema[keyword] as JsonSchema[] | undefined) ?? []).entries()) {
      problems.push(...schemaProblems(document, member, `${where}.${keyword}[${i}]`, seen))
    }
  }
  const types = [schema.type ?? []].flat()
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  const additional = schema.additionalProperties
  if (types.includes('object')) {
    if (!properties && additional === undefined) problems.push(`${where}: object without properties`)
    if (additional === true && !schema.description) problems.push(`${where}: open object (additionalProperties: true) without a description saying why`)
    if (properties && !Array.isArray(schema.required)) problems.push(`${where}: object without a required list`)
  }
  if (types.includes('array')) {
    if (!schema.items) problems.push(`${where}: array without items`)
    else problems.push(...schemaProblems(document, schema.items as JsonSchema, `${where}[]`, seen))
  }
  for (const [name, property] of Object.entries(properties ?? {})) {
    problems.push(...schemaProblems(document, property, `${where}.${name}`, seen))
  }
  if (additional && typeof additional === 'object') problems.push(...schemaProblems(document, additional as JsonSchema, `${where}.*`, seen))
  const typed = types.length > 0 || COMPOSITION.some((k) => k in schema) || 'enum' in schema || 'const' in schema
  if (!typed && !schema.description) problems.push(`${where}: no type (give one, or a description of the free value)`)
  return problems
}

function isErrorEnvelope(media: MediaType | undefined) {
  return media?.schema?.$ref === '#/components/schemas/ErrorEnvelope'
}

/** Every problem of one operation: responses, examples, request body. */
export function operationProblems(document: OpenApiDocument, key: string, operation: Operation): string[] {
  const problems: string[] = []
  for (const [status, response] of Object.entries(operation.responses)) {
    const where = `${key} ${status}`
    const json = response.content?.['application/json']
    if (status.startsWith('2')) {
      if (status === '204') {
        if (response.content) problems.push(`${where}: a 204 has no body`)
        continue
      }
      if (!response.content) {
        problems.push(`${where}: no content described`)
        continue
      }
      for (const [type, media] of Object.entries(response.content)) {
        if (!media.schema) problems.push(`${where} ${type}: no schema`)
      }
      if (json) {
        problems.push(...schemaProblems(document, json.schema, where))
        if (json.example === undefined) problems.push(`${where}: no example`)
      }
    } else if (json) {
      if (!isErrorEnvelope(json)) {
        if (status !== '503') problems.push(`${where}: an error response that is not the ErrorEnvelope`)
        continue
      }
      const examples = Object.values(json.examples ?? {})
      if (examples.length === 0) problems.push(`${where}: no error example`)
      for (const example of examples) {
        const value = example.value as { status?: number }
        if (String(value.status) !== status) problems.push(`${where}: example "${example.summary}" has status ${value.status}`)
      }
    }
  }
  const body = operation.requestBody?.content['application/json']
  if (body && body.example === undefined) problems.push(`${key}: request body without an example`)
  return problems
}

/** `METHOD /path` of every operation, with the operation. */
export function operationsOf(document: OpenApiDocument): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation])
  )
}

/** Every example of the document with the schema it illustrates, to be validated. */
export function examplesOf(document: OpenApiDocument) {
  const found: { where: string; schema: JsonSchema; value: unknown }[] = []
  for (const [key, operation] of operationsOf(document)) {
    const body = operation.requestBody?.content['application/json']
    if (body?.schema && body.example !== undefined) found.push({ where: `${key} request body`, schema: body.schema, value: body.example })
    for (const parameter of operation.parameters) {
      const example = (parameter as { example?: unknown }).example
      if (example !== undefined) found.push({ where: `${key} ${parameter.in} ${parameter.name}`, schema: parameter.schema, value: example })
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      const json = response.content?.['application/json']
      if (!json?.schema) continue
      if (json.example !== undefined) found.push({ where: `${key} ${status}`, schema: json.schema, value: json.example })
      for (const [name, example] of Object.entries(json.examples ?? {})) {
        found.push({ where: `${key} ${status} ${name}`, schema: json.schema, value: example.value })
      }
    }
  }
  return found
}
