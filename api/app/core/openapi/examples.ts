/*
 * Response examples, one per component schema and under the same name, so
 * a page, a list or a report that embeds a component shows the same data
 * as the component itself. Modules register theirs from routes.ts (their
 * `openapi_examples.ts`); a test validates every example against its schema.
 */
type JsonSchema = Record<string, unknown>

const examples: Record<string, unknown> = {}

export function registerExamples(moduleExamples: Record<string, unknown>) {
  for (const [name, example] of Object.entries(moduleExamples)) {
    if (name in examples && examples[name] !== example) throw new Error(`OpenAPI example ${name} registered twice`)
    examples[name] = example
  }
}

/**
 * The example of a response schema: a component's registered example, an
 * array of one item, or an object built from its properties' examples
 * (pages: `{ total, page, size, items: [one item] }`). Undefined when some
 * required part has none, so a missing example shows in the completeness test.
 */
export function exampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined
  if (typeof schema.$ref === 'string') return examples[schema.$ref.replace('#/components/schemas/', '')]
  if ('example' in schema) return schema.example
  if (schema.type === 'array') {
    const item = exampleOf(schema.items as JsonSchema | undefined)
    return item === undefined ? undefined : [item]
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  if (!properties) return undefined
  const required = new Set((schema.required as string[] | undefined) ?? Object.keys(properties))
  const built: Record<string, unknown> = {}
  for (const [name, property] of Object.entries(properties)) {
    const value = exampleOf(property)
    if (value !== undefined) built[name] = value
    else if (required.has(name)) return undefined
  }
  return built
}
