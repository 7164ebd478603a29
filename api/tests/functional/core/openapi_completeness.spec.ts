import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { contract } from '#tests/helpers/openapi_contract'
import { examplesOf, operationProblems, operationsOf } from '#tests/helpers/openapi_audit'

/** The source of a controller method, read from the route's lazy import (`() => import('#…')`). */
function handlerSource(handler: { importExpression?: string | null; method?: string }) {
  const specifier = /import\(['"]([^'"]+)['"]\)/.exec(handler.importExpression ?? '')?.[1]
  if (!specifier || !handler.method) return ''
  const file = fileURLToPath(import.meta.resolve(specifier)).replace(/\.js$/, '.ts')
  if (!existsSync(file)) return ''
  const source = readFileSync(file, 'utf8')
  // `store = writes.store`: a handler of the shared manager writes (#access/manager_writes).
  const shared = new RegExp(`\\n  ${handler.method} = writes\\.(\\w+)`).exec(source)?.[1]
  if (shared) return methodSource(readFileSync(fileURLToPath(import.meta.resolve('#access/manager_writes')).replace(/\.js$/, '.ts'), 'utf8'), shared, '    ')
  return methodSource(source, handler.method, '  ')
}

function methodSource(source: string, method: string, indent: string) {
  const start = source.search(new RegExp(`\\n${indent}(async )?${method}\\(`))
  if (start < 0) return ''
  const next = source.slice(start + 1).search(new RegExp(`\\n${indent}(async )?[a-zA-Z]+\\(|\\n${indent.slice(2)}\\}`))
  return source.slice(start, next < 0 ? undefined : start + 1 + next)
}

/** `METHOD /path/{param}` of every route whose controller method reads the Idempotency-Key header. */
function routesReadingIdempotencyKey() {
  const found = new Set<string>()
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (!/\b(idempotencyKeyOf|validateKeyedBody)\(/.test(handlerSource(route.handler as { importExpression?: string; method?: string }))) continue
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        found.add(`${method} ${route.pattern.replace(/:([a-zA-Z_]+)\??/g, '{$1}')}`)
      }
    }
  }
  return found
}

test.group('OpenAPI document completeness', () => {
  test('every operation has typed response schemas, examples and error examples', async ({ client, assert }) => {
    const { document } = await contract(client)
    const problems = operationsOf(document).flatMap(([key, operation]) => operationProblems(document, key, operation))
    assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`)
  })

  test('every example is valid against the schema it illustrates', async ({ client, assert }) => {
    const validator = await contract(client)
    const examples = examplesOf(validator.document)
    assert.isAbove(examples.length, 300)
    const invalid = examples.flatMap(({ where, schema, value }) => {
      const errors = validator.errors(schema, value)
      return errors ? [`${where}: ${errors}`] : []
    })
    assert.deepEqual(invalid, [], invalid.join('\n'))
  })

  test('the operations that read an Idempotency-Key declare it, and only they', async ({ client, assert }) => {
    const { document } = await contract(client)
    const declaring = operationsOf(document)
      .filter(([, operation]) => operation.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
      .map(([key]) => key)
    const reading = [...routesReadingIdempotencyKey()]
    assert.includeMembers(reading, ['POST /api/v1/sales', 'POST /api/v1/sales/{id}/returns'])
    assert.sameMembers(declaring.sort(), reading.sort())
  })

  test('the audit catches what it is meant to catch', async ({ client, assert }) => {
    const { document } = await contract(client)
    const loose = structuredClone(document)
    const receipt = loose.components.schemas.Receipt as { properties: Record<string, unknown> }
    receipt.properties.magasin = { type: 'object' }
    const operation = loose.paths['/api/v1/sales/{id}/receipt'].get
    delete operation.responses['200'].content!['application/json'].example
    delete operation.responses['404'].content!['application/json'].examples
    assert.sameMembers(operationProblems(loose, 'GET /api/v1/sales/{id}/receipt', operation), [
      'GET /api/v1/sales/{id}/receipt 200 → Receipt.magasin: object without properties',
      'GET /api/v1/sales/{id}/receipt 200: no example',
      'GET /api/v1/sales/{id}/receipt 404: no error example',
    ])
  })
})
