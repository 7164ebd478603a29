/* The path and the query string of a hostile request: plausible where they are not the defect. */
import {
  HOSTILE_TEXT,
  LENIENT_IDS,
  LONG_STRING,
  MALFORMED_PERCENT,
  MARKUP,
  NOT_AN_ID,
  SQL_INJECTIONS,
  invalidTextFor,
  typesOf,
} from '#tests/functional/fuzz/hostile_values'
import { excerpt, type Draft } from '#tests/functional/fuzz/fuzz_request'
import type { Parameter } from '#tests/functional/fuzz/operations'
import type { Rng } from '#tests/functional/fuzz/random'

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

export function encode(value: string) {
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

/** The operation's path with its parameters filled in (one broken when the defect is there). */
export function hostilePath({ operation, defect, rng, context, labels }: Draft): string {
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
  return path
}

/** The query string's parameters (one of them the defect, when it is there), plus some noise. */
export function hostileQuery({ operation, defect, rng, labels }: Draft): string[] {
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
  return query
}
