import vine, { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { takeEchoedFields, type EchoedFields } from '#core/echoed_fields'

/** A VineJS validator (`vine.create(...)`): what the strict checks below need of it. */
export interface StrictValidator<Output> {
  validate(data: unknown): Promise<Output>
  toJSONSchema(): object
}

/* The part of a validator's JSON schema (VineJS `toJSONSchema()`) these checks read. */
interface Schema {
  type?: string | string[]
  anyOf?: Schema[]
  enum?: unknown[]
  properties?: Record<string, Schema>
  items?: Schema
  additionalProperties?: unknown
}

interface Problem {
  field: string
  message: string
  rule: string
}

/* A 10,000-item array of bad items must not answer with 10,000 messages. */
const MAX_PROBLEMS = 100

/** The JSON types a schema admits (`integer` counts as `number`), or null when it does not say. */
function jsonTypes(schema: Schema): Set<string> | null {
  if (schema.enum) return null
  if (schema.anyOf) {
    const members = schema.anyOf.map(jsonTypes)
    return members.some((m) => m === null) ? null : new Set(members.flatMap((m) => [...m!]))
  }
  if (schema.type === undefined) return null
  return new Set((Array.isArray(schema.type) ? schema.type : [schema.type]).map((t) => (t === 'integer' ? 'number' : t)))
}

function jsonTypeOf(value: unknown) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function propertySchema(schema: Schema, key: string): Schema | undefined {
  return schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined
}

/*
 * Control characters other than tab, line feed and carriage return (C0,
 * DEL, C1) are no part of any name, address or note, and some act on what
 * shows the text: ESC (\u001b) and CSI (\u009b) drive terminals and
 * receipt printers (ESC/POS), BEL rings. The web forms refuse them; an
 * integration must not store them either.
 */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTER = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/**
 * What VineJS would let through in a JSON body although the request is not
 * what the schema says: `true`, `[5]` or `"5"` read as the number 5, `1` or
 * `"on"` as true, unknown fields inside nested objects (silently dropped),
 * NUL characters (which PostgreSQL refuses in text), other control
 * characters, and lone surrogates (`"\ud800"` is valid JSON, but not a
 * character: it was stored as U+FFFD while the answer echoed it back).
 * Null is left to VineJS: an optional field sent as null is absent.
 */
function jsonProblems(value: unknown, schema: Schema, field: string, problems: Problem[]) {
  if (value === null || problems.length >= MAX_PROBLEMS) return
  const type = jsonTypeOf(value)
  const allowed = jsonTypes(schema)
  if (allowed && !allowed.has(type)) {
    const expected = [...allowed].filter((t) => t !== 'null').join(' or ')
    problems.push({ field, message: `The ${field} field must be a JSON ${expected}, not ${type === 'object' ? 'an object' : `a ${type}`}`, rule: 'type' })
    return
  }
  if (typeof value === 'string' && value.includes('\u0000')) {
    problems.push({ field, message: `The ${field} field must not contain NUL characters`, rule: 'characters' })
  } else if (typeof value === 'string' && !value.isWellFormed()) {
    problems.push({ field, message: `The ${field} field must be valid Unicode text (a lone surrogate is not a character)`, rule: 'characters' })
  } else if (typeof value === 'string' && CONTROL_CHARACTER.test(value)) {
    problems.push({ field, message: `The ${field} field must not contain control characters (tabs and line breaks are allowed)`, rule: 'characters' })
  } else if (type === 'object' && schema.properties) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const name = field ? `${field}.${key}` : key
      const childSchema = propertySchema(schema, key)
      if (childSchema) jsonProblems(child, childSchema, name, problems)
      else if (schema.additionalProperties !== true) problems.push({ field: name, message: `Unknown field '${name}'`, rule: 'unknownField' })
    }
  } else if (type === 'array' && schema.items) {
    for (const [i, item] of (value as unknown[]).entries()) jsonProblems(item, schema.items, `${field}.${i}`, problems)
  }
}

/**
 * Text in Unicode normalization form C. "é" can arrive as one code point or
 * as "e" plus a combining accent (macOS and iOS often send the latter); the
 * two look the same but compare different in PostgreSQL, so without this a
 * second category "Hygiène" passed the unique-name check and a search for
 * "Pâtes" did not find the product. Every text input (passwords too, the
 * same way when set and when logging in, as RFC 8265 asks) is stored and
 * compared in one form.
 */
function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC')
  if (Array.isArray(value)) return value.map(toNfc)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toNfc(child)]))
  }
  return value
}

/**
 * A JSON body as the validators read it: text in NFC (above), and an empty
 * or whitespace-only string counted as null (docs/api.md), so `"description":
 * ""` clears a description in a PATCH and `"code_barre": " "` on a create is
 * no barcode, instead of storing "" or failing minLength. AdonisJS's body
 * parser did this (convertEmptyStringsToNull, trimWhitespaces) until the API
 * read its bodies itself (json_body_middleware); other strings are left as
 * sent, the validators trim where a field wants it.
 */
function bodyForValidation(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? null : value.normalize('NFC')
  if (Array.isArray(value)) return value.map(bodyForValidation)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, bodyForValidation(child)]))
  }
  return value
}

/**
 * Validates a JSON body and refuses fields the schema does not know, at any
 * depth: a typo like `prx` must not be silently dropped while the request
 * "succeeds". Values must have the JSON type the schema gives. `echoed`:
 * the read-only fields a GET of the resource shows, accepted back unchanged.
 */
export async function validateBody<Output>(
  validator: StrictValidator<Output>,
  ctx: HttpContext,
  options: { echoed?: EchoedFields } = {}
): Promise<Output> {
  const body = bodyForValidation(ctx.request.body())
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.E_VALIDATION_ERROR([{ field: 'body', message: 'The request body must be a JSON object', rule: 'object' }])
  }
  const problems: Problem[] = options.echoed ? await takeEchoedFields(body as Record<string, unknown>, options.echoed) : []
  jsonProblems(body, validator.toJSONSchema() as Schema, '', problems)
  if (problems.length === 0) return validator.validate(body)
  /* Fields that cannot be written alone first: the other messages may only be a typo's consequence. */
  const unwritable = problems.filter((p) => p.rule === 'unknownField' || p.rule === 'readOnly')
  if (unwritable.length > 0) throw new errors.E_VALIDATION_ERROR(unwritable)
  /* Wrong JSON types, plus what the validator says about the other fields: every failing field is listed. */
  const typed = new Set(problems.map((p) => p.field))
  try {
    await validator.validate(body)
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    problems.push(...(error.messages as Problem[]).filter((m) => !typed.has(m.field)))
  }
  throw new errors.E_VALIDATION_ERROR(problems)
}

const INTEGER_TEXT = /^-?\d+$/
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/

/**
 * A query value is one piece of text (`a[]=1` and `a[b]=1` are refused),
 * and a number is written in plain decimal: `Number()` alone would read
 * "0x10", " 1" or "1e3" as numbers. An empty value is left to the validator.
 */
function queryProblems(name: string, value: unknown, schema: Schema): Problem | null {
  const allowed = jsonTypes(schema)
  if (allowed?.has('array')) return null
  if (typeof value !== 'string') return { field: name, message: `The ${name} parameter must be given once, as a single value`, rule: 'type' }
  if (value.includes('\u0000')) return { field: name, message: `The ${name} parameter must not contain NUL characters`, rule: 'characters' }
  if (value === '' || !allowed?.has('number') || allowed.has('string')) return null
  const integer = (Array.isArray(schema.type) ? schema.type : [schema.type]).includes('integer')
  if ((integer ? INTEGER_TEXT : DECIMAL_TEXT).test(value)) return null
  return { field: name, message: `The ${name} parameter must be ${integer ? 'an integer' : 'a number'} in decimal digits`, rule: 'number' }
}

export interface QueryOptions {
  /**
   * What a query parameter the route does not know does: `refuse` (a 422
   * naming it, the default) or `ignore`. `ignore` is for the reads the
   * original API had (`GET /products`, `/products/low-stock`, `/stores`):
   * the original ignored unknown parameters, and a call an integrator made
   * to it must keep working. New routes, writes and reports refuse them
   * (docs/api.md, "Query parameters"). Known parameters are checked either way.
   */
  unknownParameters?: 'refuse' | 'ignore'
}

/** Validates the query string with the same refusal of unknown parameters (unless told to ignore them). */
export async function validateQuery<Output>(
  validator: StrictValidator<Output>,
  ctx: HttpContext,
  options: QueryOptions = {}
): Promise<Output> {
  const query = ctx.request.qs()
  const schema = validator.toJSONSchema() as Schema
  const problems: Problem[] = []
  const known: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(query)) {
    const parameter = propertySchema(schema, name)
    if (!parameter) {
      if (options.unknownParameters !== 'ignore') {
        problems.push({ field: name, message: `Unknown query parameter '${name}'`, rule: 'unknownField' })
      }
      continue
    }
    known[name] = booleanInAnyCase(parameter, toNfc(value))
    const problem = queryProblems(name, value, parameter)
    if (problem) problems.push(problem)
  }
  if (problems.length > 0) throw new errors.E_VALIDATION_ERROR(problems)
  return limitAsSize(await validator.validate(known), schema)
}

/*
 * Python's requests sends `True` and `False` for booleans (the original's FastAPI read them).
 * VineJS describes a boolean as the enum of the texts it reads ("true", "1", "on"…).
 */
function booleanInAnyCase(schema: Schema, value: unknown): unknown {
  const isBoolean = Boolean(schema.enum?.includes('true') && schema.enum.includes('false'))
  if (!isBoolean || typeof value !== 'string' || !/^(true|false)$/i.test(value)) return value
  return value.toLowerCase()
}

/**
 * `limit` is the page size wherever a list pages (paginationFields), so that no controller has to
 * remember it; `limit` wins when both are sent. A query without `size` (`/products/low-stock`, the
 * reports) keeps its `limit` as its own.
 */
function limitAsSize<Output>(output: Output, schema: Schema): Output {
  const values = output as Record<string, unknown>
  if (values.limit !== undefined && propertySchema(schema, 'size') && propertySchema(schema, 'limit')) values.size = values.limit
  return output
}

/*
 * Path ids are decimal digits: `Number()` alone would read "0x1", " 1",
 * "+1" or "1e0" as 1, so `DELETE /users/0x1` would act on user 1.
 */
const decimalDigits = vine.createRule((_value, _options, field) => {
  const raw: unknown = field.parent?.[field.name]
  if (typeof raw === 'number' || (typeof raw === 'string' && INTEGER_TEXT.test(raw))) return
  field.report('The {{ field }} field must be an integer written in decimal digits', 'integer', field)
})

/*
 * No id is below 1, so 0 or -1 names nothing: let the lookup answer it, as it answers 999999 — a
 * 404 naming the resource, as the original did (a 422 told the integrator the id was malformed).
 * The document still says ids start at 1.
 */
const existingIdRange = vine.createRule(
  (value, max: number, field) => {
    // VineJS's default messages replace these by rule name (max, min) and fill `{{ max }}` or
    // `{{ min }}` from the arguments: without them the message said "greater than undefined".
    if (typeof value === 'number' && value > max) field.report('The {{ field }} field must not be greater than {{ max }}', 'max', field, { max })
    if (typeof value === 'number' && value < -max) field.report('The {{ field }} field must be at least {{ min }}', 'min', field, { min: -max })
  },
  { toJSONSchema: (schema, max) => Object.assign(schema, { minimum: 1, maximum: max }) }
)

/** An integer id in a path (`/products/:id`); 0 and negative ones are looked up, and not found. */
export function idParam(max = 2_147_483_647) {
  return vine.number().use(decimalDigits()).withoutDecimals().use(existingIdRange(max))
}

/** PostgreSQL cannot store or compare text holding a NUL character: refused for text params. */
export const withoutNul = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && value.includes('\u0000')) {
    field.report('The {{ field }} field must not contain NUL characters', 'characters', field)
  }
})

/** A 422 VALIDATION_ERROR for one field, for rules that span fields or need the database. */
export function fieldError(field: string, message: string, rule: string) {
  return new errors.E_VALIDATION_ERROR([{ field, message, rule }])
}
