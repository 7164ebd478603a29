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

/**
 * An amount as sent by clients: a JSON number or a decimal string, ≥ 0, at
 * most two decimals. Strings are matched first: a union tried in the other
 * order reads any numeric-looking text ("1e3", "0x10") as a number, and a
 * non-strict number reads `true` or `[5]` as one.
 */
export function moneyInput() {
  return vine.unionOfTypes([vine.string().trim().regex(MONEY_STRING), vine.number({ strict: true }).min(0).max(MAX_AMOUNT)])
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
