import vine, { errors } from '@vinejs/vine'
import { wireToCents } from '#core/money'

const MONEY_STRING = /^\d{1,8}(\.\d{1,2})?$/

/*
 * Amounts are kept in integer (int4) cents, whose ceiling is 21 474 836,47 $:
 * one tendered amount, float or cash count may be 10 000 000,00 $, and a
 * sale (its total, or what was tendered for it) 20 000 000,00 $.
 */
export const MAX_AMOUNT = 10_000_000
export const MAX_SALE_CENTS = 2_000_000_000

interface AmountLimits {
  max: number
  /** A payment: zero is refused too. */
  positive?: boolean
}

/**
 * Why a sent amount is refused, in the words of VineJS's own messages, or null when it is one:
 * a number or a decimal string, ≥ 0 (> 0 when `positive`), two decimals at most, ≤ `max`.
 * "99999999999" is said to be too large, like 99999999999, instead of "format is invalid".
 */
export function amountProblem(raw: unknown, { max, positive = false }: AmountLimits): string | null {
  const text = typeof raw === 'number' ? plainNumber(raw) : typeof raw === 'string' ? raw.trim() : null
  const match = text === null ? null : /^(-)?(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) return 'The {{ field }} field must be an amount such as "12.50"'
  const [, minus, units, fraction = ''] = match
  const value = Number(`${units}.${fraction || '0'}`)
  if (minus && value !== 0) return positive ? 'The {{ field }} field must be greater than 0' : 'The {{ field }} field must be at least 0'
  if (units.replace(/^0+/, '').length > String(max).length || value > max) return `The {{ field }} field must not be greater than ${max}`
  if (fraction.length > 2) return 'The {{ field }} field must have at most two decimals'
  if (positive && value === 0) return 'The {{ field }} field must be greater than 0'
  return null
}

/** 1.5 → "1.5"; exponent forms are spelled out (1e21 is too large, 1e-7 has too many decimals). */
function plainNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null
  const text = value.toString()
  if (!text.includes('e')) return text
  return Math.abs(value) >= 1 ? BigInt(Math.trunc(value)).toString() : value.toFixed(20)
}

const amountRule = vine.createRule(
  (value, limits: AmountLimits, field) => {
    const problem = amountProblem(value, limits)
    if (problem) field.report(problem, 'money', field)
  },
  {
    // What the OpenAPI document says of each branch of the union, as the regex and min/max it replaces said.
    toJSONSchema: (schema, limits) => {
      if (schema.type === 'string') Object.assign(schema, { pattern: MONEY_STRING.source })
      else Object.assign(schema, limits.positive ? { exclusiveMinimum: 0 } : { minimum: 0 }, { maximum: limits.max })
    },
  }
)

/**
 * An amount as sent by clients: a JSON number or a decimal string, ≥ 0, at
 * most two decimals. Strings are matched first: a union tried in the other
 * order reads any numeric-looking text ("1e3", "0x10") as a number, and a
 * non-strict number reads `true` or `[5]` as one.
 */
export function moneyInput(options: { positive?: boolean } = {}) {
  const limits = { max: MAX_AMOUNT, ...options }
  return vine.unionOfTypes([vine.string().trim().use(amountRule(limits)), vine.number({ strict: true }).use(amountRule(limits))])
}

/**
 * Converts a validated amount to cents, refusing a third decimal (1.005) and,
 * for the decimal strings the schema cannot bound, an amount over MAX_AMOUNT.
 */
export function toCents(value: number | string, field: string): number {
  const cents = wireToCents(value)
  if (cents === null || cents < 0) {
    throw new errors.E_VALIDATION_ERROR([
      { field, message: `The ${field} field must be an amount with at most two decimals`, rule: 'money' },
    ])
  }
  if (cents > MAX_AMOUNT * 100) {
    throw new errors.E_VALIDATION_ERROR([{ field, message: `The ${field} field must not be greater than ${MAX_AMOUNT}`, rule: 'max' }])
  }
  return cents
}

/** 50000 ppm → "5.000" (percent with three decimals, as printed on receipts). */
export function ratePercent(ratePpm: number): string {
  const thousandths = Math.round(ratePpm / 10)
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`
}
