import {
  HOSTILE_TEXT,
  LENIENT_IDS,
  LONG_STRING,
  MALFORMED_PERCENT,
  MARKUP,
  NOT_AN_ID,
  SQL_INJECTIONS,
  TEN_KB,
  UNICODE,
  invalidTextFor,
  invalidValuesFor,
  nested,
  plausibleValueFor,
  typesOf,
  type JsonSchema,
} from '#tests/functional/fuzz/hostile_values'
import { WRITE_METHODS, describeOperation, type Operation, type Parameter } from '#tests/functional/fuzz/operations'
import type { Rng } from '#tests/functional/fuzz/random'

export type Principal = 'none' | 'admin' | 'clerk' | 'bad-token'

export interface FuzzContext {
  /** An integration token with every scope, so validation is reached. */
  admin: string
  /** A clerk's session token (store 1). */
  clerk: string
  /** Ids of real records, by the path segment before `{id}` (`sales`, `replenishments`…): requests reach them. */
  pathIds: Record<string, number[]>
  /** Valid bodies (by "METHOD /path") that a defect then breaks, where the document's example would not reach deep. */
  bodies: Record<string, Record<string, unknown>>
}

export interface FuzzRequest {
  operation: string
  method: string
  /** Path and query string, exactly as sent (already encoded, or deliberately not). */
  target: string
  headers: Record<string, string>
  body?: string | Buffer
  /** What makes the request invalid (every request has at least one defect). */
  defect: string
  principal: Principal
}

type DefectKind =
  | 'auth'
  | 'scope'
  | 'path'
  | 'raw-path'
  | 'query'
  | 'unknown-query'
  | 'body-syntax'
  | 'body-shape'
  | 'body-field'
  | 'body-missing'
  | 'body-nested'
  | 'body-dangling'
  | 'idempotency-key'
  | 'content-type'

/* Garbage credentials: every one must be a 401, never a 500 nor a pass. */
const BAD_TOKENS: ((valid: string) => Record<string, string>)[] = [
  () => ({ 'x-api-token': 'garbage' }),
  () => ({ 'x-api-token': 'cpt_' + 'A'.repeat(43) }),
  () => ({ 'x-api-token': 'cpt_' + 'A'.repeat(TEN_KB) }),
  () => ({ 'x-api-token': "cpt_' OR 1=1 --" }),
  () => ({ 'x-api-token': '%00' }),
  () => ({ 'x-api-token': 'cpt_\u00e9\u00ff\u00fe' }),
  (valid) => ({ 'x-api-token': valid + 'x' }),
  (valid) => ({ 'x-api-token': valid.slice(0, -1) }),
  (valid) => ({ 'x-api-token': valid.toUpperCase() }),
  () => ({ authorization: 'Bearer ' + 'B'.repeat(TEN_KB) }),
  () => ({ authorization: 'Bearer cpt_' + 'B'.repeat(TEN_KB) }),
  () => ({ authorization: 'Bearer' }),
  () => ({ authorization: 'Bearer ' }),
  (valid) => ({ authorization: `Basic ${Buffer.from('admin:' + valid).toString('base64')}` }),
  (valid) => ({ authorization: `Token ${valid}` }),
  () => ({ authorization: "Bearer ' OR 1=1 --" }),
  () => ({ authorization: 'Bearer <script>alert(1)</script>' }),
  /* X-API-Token is read first: garbage there wins over a valid Bearer. */
  (valid) => ({ 'x-api-token': 'nope', authorization: `Bearer ${valid}` }),
]

const BAD_IDEMPOTENCY_KEYS = ['', ' ', 'short', 'x'.repeat(101), 'x'.repeat(TEN_KB), "' OR 1=1 --", '<script>', 'clé-é\u00e9\u00e9\u00e9', 'a b c d e f g h', '../../../../']

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

const QUERY_NOISE = [
  'utm_source=fuzz',
  'a[]=1&a[]=2',
  'a[b]=1',
  'a[b][c][d][e][f][g]=1',
  '__proto__[admin]=1',
  'constructor[prototype][x]=1',
  '%zz=1',
  'x=%E0%A4%A',
  '=1',
  '&&&',
  'x=' + encodeURIComponent(SQL_INJECTIONS[1]),
  Array.from({ length: 150 }, (_, i) => `p${i}=${i}`).join('&'),
]

function encode(value: string) {
  return encodeURIComponent(value)
}

/** The text of a value that a parameter accepts (for the parts of a request that are not the defect). */
function plausibleText(param: Parameter, rng: Rng, realIds: number[] = []): string {
  const types = typesOf(param.schema)
  if (param.schema.enum) return String(param.schema.enum[0])
  if (types.includes('integer') || types.includes('number')) {
    if (param.name === 'id') {
      if (realIds.length > 0 && rng.chance(0.7)) return String(rng.pick(realIds))
      return String(rng.pick([1, 2, 3, 4, 999_999, 2_147_483_647]))
    }
    return String(Math.max(param.schema.minimum ?? 1, 1))
  }
  if (param.name === 'code') return rng.pick(['ALI001', 'BOI001', 'NOPE999'])
  if (param.name === 'file') return rng.pick(['swagger-ui.css', 'nope.js'])
  return 'fuzz'
}

/** An invalid path segment, encoded as a client would, or raw when the rawness is the point. */
function invalidSegment(param: Parameter, rng: Rng): { text: string; label: string } {
  const types = typesOf(param.schema)
  const numeric = types.includes('integer') || types.includes('number')
  const choice = rng.weighted<'raw' | 'value' | 'lenient'>([
    ['raw', 2],
    ['value', 6],
    ['lenient', numeric ? 1 : 0],
  ])
  if (choice === 'raw') {
    const raw = rng.pick([...MALFORMED_PERCENT, '%00', '..', '../..', '%2e%2e', '%2F', '%252F', '%C0%AE%C0%AE'])
    return { text: raw, label: `raw path segment ${JSON.stringify(raw)}` }
  }
  if (choice === 'lenient') {
    const value = rng.pick(LENIENT_IDS)
    return { text: encode(value), label: `non-decimal id ${JSON.stringify(value)}` }
  }
  const candidates = numeric ? NOT_AN_ID.concat(HOSTILE_TEXT) : [LONG_STRING, ...HOSTILE_TEXT, ...MARKUP]
  const value = rng.pick(candidates)
  return { text: encode(value), label: `path ${param.name}=${excerpt(value)}` }
}

export function excerpt(value: unknown, length = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text
}

/* Body fields that name another record (`caisse_id`, `lignes.0.produit_id`, `magasin_ids`): it must exist. */
function referenceFields(schema: JsonSchema, prefix = ''): string[] {
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

function arrayOfObjectFields(schema: JsonSchema): string[] {
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

function applicableDefects(operation: Operation): [DefectKind, number][] {
  const kinds: [DefectKind, number][] = [['raw-path', 0.6]]
  const write = WRITE_METHODS.has(operation.method)
  const schema = operation.body?.schema
  if (!operation.isPublic) kinds.push(['auth', 1.2])
  if (operation.scopes.some((s) => s === 'admin' || s === 'reports')) kinds.push(['scope', 0.5])
  if (operation.pathParams.length > 0) kinds.push(['path', 3])
  if (operation.queryParams.length > 0) kinds.push(['query', 3], ['unknown-query', 1])
  if (write) kinds.push(['body-syntax', 1.2])
  if (schema) {
    kinds.push(['body-shape', 1.5], ['content-type', 1.2])
    if (Object.keys(schema.properties ?? {}).length > 0) kinds.push(['body-field', 5])
    if ((schema.required ?? []).length > 0) kinds.push(['body-missing', 0.8])
    if (arrayOfObjectFields(schema).length > 0) kinds.push(['body-nested', 2])
    if (referenceFields(schema).length > 0) kinds.push(['body-dangling', 1])
  }
  if (operation.idempotent) kinds.push(['idempotency-key', 1.5])
  return kinds
}

function authHeaders(principal: Principal, context: FuzzContext, rng: Rng): Record<string, string> {
  if (principal === 'none') return {}
  if (principal === 'bad-token') return rng.pick(BAD_TOKENS)(rng.pick([context.admin, context.clerk]))
  const token = principal === 'admin' ? context.admin : context.clerk
  return rng.chance(0.5) ? { 'x-api-token': token } : { authorization: `Bearer ${token}` }
}

/**
 * One hostile request for an operation: at least one defect chosen among
 * those the operation can have, plus random noise that never repairs it.
 */
export function generateRequest(operation: Operation, rng: Rng, context: FuzzContext, index: number): FuzzRequest {
  const defect = rng.weighted(applicableDefects(operation))
  const labels: string[] = []
  const write = WRITE_METHODS.has(operation.method)

  /* ---- who is calling ---- */
  let principal: Principal
  if (defect === 'auth') {
    principal = rng.chance(0.25) ? 'none' : 'bad-token'
    labels.push(principal === 'none' ? 'no token' : 'bad token')
  } else if (defect === 'scope') {
    principal = 'clerk'
    labels.push(`clerk session on a ${operation.scopes.join('+')} route`)
  } else {
    principal = rng.weighted<Principal>([
      ['admin', 6],
      ['clerk', 2.5],
      ['none', 1],
      ['bad-token', 0.5],
    ])
  }
  const headers: Record<string, string> = authHeaders(principal, context, rng)

  /* ---- path ---- */
  const broken = defect === 'path' ? rng.pick(operation.pathParams) : null
  let path = operation.template.replace(/([^/]+)\/\{([a-zA-Z_]+)\}/g, (_, resource: string, name: string) => {
    const param = operation.pathParams.find((p) => p.name === name) ?? { name, required: true, schema: {} }
    if (param === broken) {
      const segment = invalidSegment(param, rng)
      labels.push(segment.label)
      return `${resource}/${segment.text}`
    }
    return `${resource}/${encode(plausibleText(param, rng, context.pathIds[resource]))}`
  })
  if (defect === 'raw-path') {
    const segments = path.split('/')
    const at = rng.int(1, segments.length - 1)
    const injected = rng.pick([...MALFORMED_PERCENT, '%00', '..', '%2e%2e%2f', '\\..\\', '%E2%80%AE'])
    segments[at] = rng.chance(0.5) ? segments[at] + injected : injected + segments[at]
    path = segments.join('/')
    labels.push(`raw ${JSON.stringify(injected)} in the path`)
  }
  if (rng.chance(0.15)) path += '/'

  /* ---- query string ---- */
  const query: string[] = []
  const withInvalidText = operation.queryParams.filter((p) => invalidTextFor(p.schema).length > 0)
  for (const param of operation.queryParams.filter((p) => p.required)) {
    query.push(`${param.name}=${encode(plausibleText(param, rng))}`)
  }
  if (defect === 'query') {
    const required = operation.queryParams.filter((p) => p.required)
    const mode = rng.weighted<'value' | 'array' | 'object' | 'duplicate' | 'percent' | 'missing'>([
      ['value', withInvalidText.length > 0 ? 5 : 0],
      ['array', 1.5],
      ['object', 1],
      ['duplicate', 1],
      ['percent', 1],
      ['missing', required.length > 0 ? 1 : 0],
    ])
    const param = mode === 'value' ? rng.pick(withInvalidText) : rng.pick(operation.queryParams)
    const types = typesOf(param.schema)
    const numeric = types.includes('integer') || types.includes('number')
    const drop = (name: string) => {
      const i = query.findIndex((q) => q.startsWith(`${name}=`))
      if (i >= 0) query.splice(i, 1)
    }
    if (mode === 'value') {
      const text = rng.pick(invalidTextFor(param.schema))
      drop(param.name)
      query.push(`${param.name}=${encode(text)}`)
      labels.push(`query ${param.name}=${excerpt(text)}`)
    } else if (mode === 'array') {
      drop(param.name)
      query.push(`${param.name}[]=${encode(plausibleText(param, rng))}&${param.name}[]=2`)
      labels.push(`query ${param.name}[] (array)`)
    } else if (mode === 'object') {
      drop(param.name)
      query.push(`${param.name}[a]=1`)
      labels.push(`query ${param.name}[a] (object)`)
    } else if (mode === 'duplicate') {
      drop(param.name)
      const value = encode(plausibleText(param, rng))
      query.push(`${param.name}=${value}&${param.name}=${value === '2' ? '3' : '2'}`)
      labels.push(`query ${param.name} twice`)
    } else if (mode === 'percent' && (numeric || param.schema.enum || types.includes('boolean'))) {
      drop(param.name)
      const raw = rng.pick(MALFORMED_PERCENT)
      query.push(`${param.name}=${raw}`)
      labels.push(`query ${param.name}=${raw} (raw)`)
    } else if (mode === 'missing' && required.length > 0) {
      const missing = rng.pick(required)
      drop(missing.name)
      labels.push(`query ${missing.name} missing`)
    } else {
      query.push(`${encode('zz_unknown')}=${encode(rng.pick(HOSTILE_TEXT))}`)
      labels.push('unknown query parameter zz_unknown')
    }
  }
  if (defect === 'unknown-query') {
    const name = rng.pick(['foo', 'debug', 'admin', 'PAGE', 'page ', "' OR 1=1 --", '<script>', 'é', 'x'.repeat(500)])
    query.push(`${encode(name)}=${encode(rng.pick(HOSTILE_TEXT))}`)
    labels.push(`unknown query parameter ${excerpt(name, 20)}`)
  }
  if (rng.chance(0.25)) query.push(rng.pick(QUERY_NOISE))
  const target = path + (query.length > 0 ? `?${query.join('&')}` : '')

  /* ---- body ---- */
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
  if (body !== undefined && contentType) headers['content-type'] = contentType

  /* ---- header noise ---- */
  if (write && defect !== 'idempotency-key' && rng.chance(0.35)) headers['idempotency-key'] = rng.pick(BAD_IDEMPOTENCY_KEYS)
  if (rng.chance(0.1)) headers['x-request-id'] = rng.pick(["' OR 1=1 --", '<script>', 'x'.repeat(2000), '../..'])
  if (rng.chance(0.1)) headers['x-forwarded-for'] = rng.pick(["' OR 1=1 --", '999.999.999.999', 'garbage, 1.2.3.4', '::ffff:zz', ''])
  if (rng.chance(0.1)) headers.accept = rng.pick(['text/csv', 'application/xml', '*/*;q=abc', 'text/html', ''])
  if (rng.chance(0.05)) headers['accept-language'] = UNICODE[1]

  return {
    operation: describeOperation(operation),
    method: operation.method,
    target,
    headers,
    body,
    defect: labels.join('; ') || defect,
    principal,
  }
}
