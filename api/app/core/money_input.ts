import vine, { errors } from '@vinejs/vine'
import { wireToCents } from '#core/money'

const MONEY_STRING = /^\d{1,9}(\.\d{1,2})?$/

/**
 * An amount as sent by clients: a JSON number or a decimal string, ≥ 0, at
 * most two decimals. Strings are matched first: a union tried in the other
 * order reads any numeric-looking text ("1e3", "0x10") as a number, and a
 * non-strict number reads `true` or `[5]` as one.
 */
export function moneyInput() {
  return vine.unionOfTypes([vine.string().trim().regex(MONEY_STRING), vine.number({ strict: true }).min(0).max(100_000_000)])
}

/** Converts a validated amount to cents, refusing a third decimal (1.005) with a field error. */
export function toCents(value: number | string, field: string): number {
  const cents = wireToCents(value)
  if (cents === null || cents < 0) {
    throw new errors.E_VALIDATION_ERROR([
      { field, message: `The ${field} field must be an amount with at most two decimals`, rule: 'money' },
    ])
  }
  return cents
}

/** 50000 ppm → "5.000" (percent with three decimals, as printed on receipts). */
export function ratePercent(ratePpm: number): string {
  const thousandths = Math.round(ratePpm / 10)
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`
}
