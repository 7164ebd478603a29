/* The body of a hostile request: a valid one broken in one place, or not JSON, or not an object. */
import { HOSTILE_TEXT, TEN_KB, invalidValuesFor, nested, plausibleValueFor, typesOf, type JsonSchema } from '#tests/functional/fuzz/hostile_values'
import { excerpt, type Draft } from '#tests/functional/fuzz/fuzz_request'
import { BAD_IDEMPOTENCY_KEYS } from '#tests/functional/fuzz/hostile_credentials'
import { encode } from '#tests/functional/fuzz/hostile_urls'
import { describeOperation } from '#tests/functional/fuzz/operations'

const MALFORMED_JSON = [
  '{"nom": ',
  "{'nom': 'x'}",
  '{"a":1,}',
  '{"a":NaN}',
  '{"a":01}',
  '{"a":1}}',
  '[1,2',
  '{"a":"\u0001"}',
  '{"a" 1}',
  'undefined',
  '{"a":"x"\n"b":1}',
  '\u0000',
  '{{{{{{{{{{',
  '{"a":' + '['.repeat(5000),
]

/* `__proto__` is not among them: the JSON parser drops it (no prototype pollution), so it is sent as noise only. */
const UNKNOWN_FIELD_NAMES = ['prx', 'id', 'cree_le', 'constructor', 'prototype', '', ' ', "nom' OR 1=1 --", '<script>', '$where', 'a.b', 'é', 'x'.repeat(TEN_KB)]

/* Body fields that name another record (`caisse_id`, `lignes.0.produit_id`, `magasin_ids`): it must exist. */
export function referenceFields(schema: JsonSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => {
    const types = typesOf(s)
    if (/_ids?$/.test(name) && (types.includes('integer') || (types.includes('array') && s.items && typesOf(s.items).includes('integer')))) {
      return [prefix + name]
    }
    return types.includes('array') && s.items?.properties ? referenceFields(s.items, `${prefix}${name}.0.`) : []
  })
}

/** Sets `lignes.0.produit_id`-style paths, creating the first item when the array is empty. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let node: Record<string, unknown> | unknown[] = target
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const container = node as Record<string, unknown>
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
      container[key] = /^\d+$/.test(keys[i + 1]) ? [{}] : {}
    }
    node = container[key] as Record<string, unknown>
  }
  const leaf = node as Record<string, unknown>
  leaf[keys[keys.length - 1]] = value
}

export function arrayOfObjectFields(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => typesOf(s).includes('array') && s.items?.properties)
    .map(([name]) => name)
}

/** A JSON text with an extra member written first (so `__proto__` stays an own key, as a client sends it). */
function withExtraMember(base: Record<string, unknown>, name: string, value: unknown) {
  const rest = JSON.stringify(base).slice(1)
  return `{${JSON.stringify(name)}:${JSON.stringify(value)}${rest === '}' ? '' : ','}${rest}`
}

function formEncode(body: Record<string, unknown>) {
  return Object.entries(body)
    .map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&')
}

/**
 * The body and its Content-Type. The defect's own case breaks it; otherwise
 * it is the valid body (the context's, the document's example, or one made
 * from the schema). An Idempotency-Key defect goes into `headers`.
 */
export function hostileBody(
  { operation, defect, rng, context, labels }: Draft,
  headers: Record<string, string>,
  write: boolean,
  index: number
): { body: string | Buffer | undefined; contentType: string | undefined } {
  let body: string | Buffer | undefined
  let contentType: string | undefined = 'application/json'
  const schema = operation.body?.schema
  const base: Record<string, unknown> = structuredClone(
    context.bodies[describeOperation(operation)] ??
      operation.body?.example ??
      (schema ? (plausibleValueFor({ ...schema, type: 'object' }) as Record<string, unknown>) : {})
  )
  const properties = Object.keys(schema?.properties ?? {})
  switch (defect) {
    case 'body-syntax': {
      if (rng.chance(0.2)) {
        body = JSON.stringify({ ...base, padding: 'P'.repeat(300 * 1024) })
        labels.push('body over 256 kB')
      } else {
        body = rng.pick(MALFORMED_JSON)
        labels.push(`malformed JSON ${excerpt(body, 30)}`)
      }
      break
    }
    case 'body-shape': {
      const shape = rng.pick(['array', 'wrapped', 'null', 'number', 'string', 'true', 'deep-array', 'deep-unknown', 'deep-known', 'unknown', 'unknown'])
      if (shape === 'array') body = '[]'
      else if (shape === 'wrapped') body = JSON.stringify([base])
      else if (shape === 'null') body = 'null'
      else if (shape === 'number') body = '42'
      else if (shape === 'string') body = JSON.stringify(rng.pick(HOSTILE_TEXT))
      else if (shape === 'true') body = 'true'
      else if (shape === 'deep-array') body = JSON.stringify(nested(50, true))
      else if (shape === 'deep-unknown') body = withExtraMember(base, 'deep', nested(50))
      else if (shape === 'deep-known' && properties.length > 0) {
        /* 20,000 levels (40 kB) under a field the route knows: nothing may recurse into it unguarded. */
        const field = rng.pick(properties)
        const { [field]: _replaced, ...others } = base
        const rest = JSON.stringify(others).slice(1)
        body = `{${JSON.stringify(field)}:${'['.repeat(20_000)}${']'.repeat(20_000)}${rest === '}' ? '}' : `,${rest}`}`
      }
      else {
        const name = rng.pick(UNKNOWN_FIELD_NAMES)
        body = withExtraMember(base, name, rng.pick([1, 'x', null, { admin: true }, nested(50)]))
        if (rng.chance(0.3)) body = `{"__proto__":{"admin":true},${body.slice(1)}`
        labels.push(`unknown field ${excerpt(name, 20)}`)
        break
      }
      labels.push(`body is ${shape}`)
      break
    }
    case 'body-field': {
      const field = properties[(index + rng.int(0, 1)) % properties.length]
      const value = rng.pick(invalidValuesFor(schema!.properties![field], (schema!.required ?? []).includes(field)))
      body = JSON.stringify({ ...base, [field]: value })
      labels.push(`${field}=${excerpt(value)}`)
      break
    }
    case 'body-missing': {
      const field = rng.pick(schema!.required!)
      delete base[field]
      body = JSON.stringify(base)
      labels.push(`${field} missing`)
      break
    }
    case 'body-nested': {
      const field = rng.pick(arrayOfObjectFields(schema!))
      const itemSchema = schema!.properties![field].items!
      const current = base[field]
      const item: Record<string, unknown> = structuredClone(
        Array.isArray(current) && current[0] && typeof current[0] === 'object'
          ? (current[0] as Record<string, unknown>)
          : (plausibleValueFor(itemSchema) as Record<string, unknown>)
      )
      const itemFields = Object.keys(itemSchema.properties ?? {})
      const mode = rng.weighted<'value' | 'unknown' | 'missing'>([
        ['value', 4],
        ['unknown', 1.5],
        ['missing', (itemSchema.required ?? []).length > 0 ? 1 : 0],
      ])
      if (mode === 'value') {
        const name = rng.pick(itemFields)
        const value = rng.pick(invalidValuesFor(itemSchema.properties![name], (itemSchema.required ?? []).includes(name)))
        item[name] = value
        labels.push(`${field}[0].${name}=${excerpt(value)}`)
      } else if (mode === 'unknown') {
        item[rng.pick(['prix', 'prix_unitaire', 'remise', 'admin', 'id'])] = rng.pick([0, -100, '0.01', true])
        labels.push(`${field}[0] has an unknown field`)
      } else {
        const name = rng.pick(itemSchema.required!)
        delete item[name]
        labels.push(`${field}[0].${name} missing`)
      }
      body = JSON.stringify({ ...base, [field]: [item] })
      break
    }
    case 'body-dangling': {
      const field = rng.pick(referenceFields(schema!))
      const missing = rng.pick([2_147_483_647, 999_999, 1_000_000_000])
      const isList = typesOf(schema!.properties?.[field] ?? {}).includes('array')
      setPath(base, field, isList ? [missing] : missing)
      body = JSON.stringify(base)
      labels.push(`${field} names no record (${missing})`)
      break
    }
    case 'idempotency-key': {
      if (schema) body = JSON.stringify(base)
      headers['idempotency-key'] = rng.pick(BAD_IDEMPOTENCY_KEYS)
      labels.push(`Idempotency-Key ${JSON.stringify(excerpt(headers['idempotency-key'], 20))}`)
      break
    }
    case 'content-type': {
      const kind = rng.pick(['text', 'form', 'multipart', 'xml', 'none', 'bogus'])
      /* Never empty: a request without a body is not sending one in the wrong format. */
      if (kind === 'text') [contentType, body] = ['text/plain', JSON.stringify(base)]
      else if (kind === 'form') [contentType, body] = ['application/x-www-form-urlencoded', formEncode(base) || 'nom=fuzz']
      else if (kind === 'multipart') {
        contentType = 'multipart/form-data; boundary=fuzzboundary'
        body = Object.entries(base)
          .map(([k, v]) => `--fuzzboundary\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`)
          .join('') + '--fuzzboundary--\r\n'
      } else if (kind === 'xml') [contentType, body] = ['application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>']
      else if (kind === 'none') [contentType, body] = [undefined, JSON.stringify(base)]
      else [contentType, body] = ['application/jsonx', JSON.stringify(base)]
      labels.push(`Content-Type ${contentType ?? '(none)'}`)
      break
    }
    default: {
      if (schema) body = JSON.stringify(base)
      else if (write && rng.chance(0.3)) body = '{}'
    }
  }
  return { body, contentType }
}
