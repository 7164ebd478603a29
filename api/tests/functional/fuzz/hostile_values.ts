/*
 * The hostile inputs the fuzz draws from, and the values a JSON schema
 * (from the OpenAPI document) refuses: every value `invalidValuesFor`
 * returns breaks the schema it was derived from, so a request carrying one
 * is invalid by construction.
 */

export type JsonSchema = {
  type?: string | string[]
  enum?: unknown[]
  anyOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  pattern?: string
  format?: string
}

export const TEN_KB = 10 * 1024
export const LONG_STRING = 'A'.repeat(TEN_KB)
export const LONG_DIGITS = '9'.repeat(TEN_KB)

export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  '1; DROP TABLE products',
  "1' UNION SELECT token_hash FROM api_tokens --",
  '"; DELETE FROM sales; --',
  "1)) OR pg_sleep(5) IS NULL --",
]
export const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}']
export const TRAVERSAL = ['../', '../../etc/passwd', '..\\..\\windows', '....//']
/* Each is a well-formed JS string (no lone surrogates: encodeURIComponent would throw on the client). */
export const UNICODE = ['é', 'Ünïcödé', '漢字テスト', '🙂🔥', '\u202eevil', '\u0000', '\u0007bell', '\r\nX-Injected: 1', 'ﬀ', 'İı', '\ufeffbom', '\t']
export const HOSTILE_TEXT = [...SQL_INJECTIONS, ...MARKUP, ...TRAVERSAL, ...UNICODE, '%00', '%', 'null', 'undefined']

/* Sent raw (not re-encoded): each is an invalid or dangerous percent-encoding. */
export const MALFORMED_PERCENT = ['%', '%zz', '%E0%A4%A', '%C0%80', '%FF', '%u0041', '%%41', '%ED%A0%80', '%G1']

/* Path and query text that is not a positive integer id. */
export const NOT_AN_ID = [
  'abc',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  '1,2',
  '١٢',
  'true',
  'null',
  '[]',
  '{}',
  LONG_DIGITS,
]
/* Text that JavaScript's Number() turns into a valid id, though it is not a plain decimal integer. */
export const LENIENT_IDS = ['0x1', ' 1', '1 ', '+1', '1e0', '01.0']

/** A value nested `depth` levels deep, as an object or an array. */
export function nested(depth: number, asArray = false): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

export function typesOf(schema: JsonSchema): string[] {
  if (schema.enum) return ['enum']
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf)
  if (schema.type === undefined) return []
  return Array.isArray(schema.type) ? schema.type : [schema.type]
}

function matches(pattern: string, value: string) {
  return new RegExp(pattern, 'u').test(value.trim())
}

/** A value of the schema's own kind that it accepts (for arrays of items and baselines). */
export function plausibleValueFor(schema: JsonSchema): unknown {
  const types = typesOf(schema)
  if (schema.enum) return schema.enum[0]
  if (types.includes('integer') || types.includes('number')) return Math.max(schema.minimum ?? 1, 1)
  if (types.includes('boolean')) return true
  if (types.includes('array')) return schema.items ? [plausibleValueFor(schema.items)] : []
  if (types.includes('object')) {
    const object: Record<string, unknown> = {}
    for (const name of schema.required ?? []) object[name] = plausibleValueFor(schema.properties?.[name] ?? {})
    return object
  }
  if (schema.format === 'date') return '2026-01-15'
  if (schema.format === 'email') return 'fuzz@example.test'
  return 'fuzz'
}

/**
 * Values the schema refuses, of every kind: wrong JSON types, out-of-range
 * numbers, over-long or pattern-breaking strings, bad enum members, arrays
 * of the wrong size or with a bad item. Never a value the schema accepts.
 */
export function invalidValuesFor(schema: JsonSchema, required = true): unknown[] {
  const types = typesOf(schema)
  const values: unknown[] = []
  if (types.length === 0) return [nested(50), LONG_STRING]
  /* An optional field sent as null is absent (VineJS), which is valid: null is a defect only when required. */
  if (required && !types.includes('null')) values.push(null)

  if (schema.enum) {
    values.push('not-a-choice', 1, true, [schema.enum[0]], { value: schema.enum[0] }, LONG_STRING, ...SQL_INJECTIONS.slice(0, 2))
    if (typeof schema.enum[0] === 'string') values.push(schema.enum[0].toUpperCase() + '_X', ` ${schema.enum[0]}x`)
    return values.filter((value) => !schema.enum!.includes(value))
  }

  const numeric = types.includes('integer') || types.includes('number')
  const textual = types.includes('string')
  if (numeric && textual) {
    /* Money: a JSON number or a decimal string with at most two decimals, never negative. */
    values.push(-1, -0.01, '-1', '-0.01', 1.005, '1.005', '0.001', 1e21, '1e3', '1E2', '12e-1', '0x10', 'abc', '1,50', ' ', '', '∞')
    values.push(true, false, [1], { montant: 1 }, LONG_DIGITS, LONG_STRING, nested(50))
    const maximum = schema.anyOf?.find((s) => s.maximum !== undefined)?.maximum
    if (maximum !== undefined) values.push(maximum + 1, String(maximum * 10))
    return values
  }
  if (numeric) {
    values.push('abc', "' OR 1=1 --", true, false, [], [1], { value: 1 }, LONG_STRING, LONG_DIGITS, nested(50, true))
    values.push('1', '0x1', '1e2')
    if (types.includes('integer')) values.push(1.5, (schema.minimum ?? 0) + 0.25)
    if (schema.minimum !== undefined) values.push(schema.minimum - 1, -1e15)
    if (schema.maximum !== undefined) values.push(schema.maximum + 1, 1e308, 2 ** 53 + 2)
    return values
  }
  if (textual) {
    values.push(123, 0, true, [], ['x'], { value: 'x' }, nested(50))
    /* 10 kB: refused by every bounded field; a field without maxLength accepting it is a finding. */
    if (schema.maxLength === undefined || schema.maxLength < TEN_KB) values.push(LONG_STRING)
    if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1), 'é'.repeat(schema.maxLength + 1))
    if (schema.minLength !== undefined && schema.minLength >= 2) values.push('a'.repeat(schema.minLength - 1))
    if (schema.pattern) values.push(...HOSTILE_TEXT.filter((text) => !matches(schema.pattern!, text)))
    if (schema.format === 'email') values.push('not-an-email', 'a b@c.d', '<script>@x.y', '@example.test', 'fuzz@')
    if (schema.format === 'date') values.push('2026-02-30', '2026-13-01', '0000-00-00', '2026-1-5', '26-01-05', '9999-99-99')
    /* A blank string counts as null (docs/api.md), which an optional field accepts. */
    return required ? values : values.filter((value) => typeof value !== 'string' || value.trim() !== '')
  }
  if (types.includes('boolean')) {
    values.push('true', 'false', 1, 0, 'yes', 'on', [], [true], { value: true }, LONG_STRING)
    return values
  }
  if (types.includes('array')) {
    const item = schema.items ?? {}
    const good = plausibleValueFor(item)
    values.push({}, 'x', 1, true, [null], nested(50, true))
    for (const bad of invalidValuesFor(item).slice(0, 8)) values.push([bad])
    if ((schema.minItems ?? 0) >= 1) values.push([])
    if (schema.maxItems !== undefined) values.push(Array.from({ length: schema.maxItems + 1 }, () => good))
    values.push(Array.from({ length: 10_000 }, () => good))
    if (schema.uniqueItems) values.push([good, good])
    return values
  }
  if (types.includes('object')) {
    values.push('x', 1, [], true)
    return values
  }
  return values
}

/** Text that a query or path parameter with this schema refuses. */
export function invalidTextFor(schema: JsonSchema): string[] {
  const types = typesOf(schema)
  if (schema.enum) return ['not-a-choice', String(schema.enum[0]).toUpperCase() + 'X', LONG_STRING, ...SQL_INJECTIONS, ...MARKUP]
  if (types.includes('integer') || types.includes('number')) {
    const texts = ['abc', 'NaN', 'Infinity', '1e309', LONG_DIGITS, ...SQL_INJECTIONS, ...MARKUP, '١٢', 'true']
    if (types.includes('integer')) texts.push('1.5', '2.000001')
    if (schema.minimum !== undefined) texts.push(String(schema.minimum - 1), '-99999999999')
    if (schema.maximum !== undefined) texts.push(String(schema.maximum + 1), '9007199254740993', '99999999999999999999999')
    if ((schema.minimum ?? 0) >= 1) texts.push('', '0', '-0')
    return texts
  }
  if (types.includes('boolean')) return ['maybe', '2', 'yes', 'TRUE ', LONG_STRING, ...SQL_INJECTIONS]
  if (types.includes('string')) {
    const texts: string[] = []
    if (schema.maxLength !== undefined) texts.push(LONG_STRING, 'x'.repeat(schema.maxLength + 1))
    if (schema.pattern) texts.push(...HOSTILE_TEXT.filter((text) => !matches(schema.pattern!, text)))
    if (schema.format === 'date') texts.push('2026-02-30', '2026-13-01', '0000-00-00', 'yesterday')
    if (schema.format === 'email') texts.push('not-an-email', '<script>@x.y', 'fuzz@')
    return texts
  }
  return []
}
