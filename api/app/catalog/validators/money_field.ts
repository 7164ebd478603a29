import vine from '@vinejs/vine'
import { amountProblem } from '#core/money_input'

/** Upper bound of a price: keeps cents well inside the integer column. */
export const MAX_PRICE = 10_000_000

const MONEY_TEXT = /^\s*\d{1,8}(\.\d{1,2})?\s*$/

/*
 * The original sent prices as strings, so both JSON numbers and decimal strings are accepted, and
 * nothing else (vine.number() would cast `true` to 1 and "" to 0). Checked on the value as sent,
 * not by vine.number(): its "must be a number" (type number) came first for "1,20" or "abc", where
 * every other amount of the API says must be an amount such as "12.50" (type money).
 */
const numberOrDecimalString = vine.createRule(
  (value, _options, field) => {
    const problem = amountProblem(value, { max: MAX_PRICE })
    if (problem) field.report(problem, 'money', field)
  },
  {
    /* The OpenAPI document (and the JSON type check of bodies) must say that "1.20" is accepted too. */
    toJSONSchema: (schema) => {
      // vine.any() lists every JSON type; the rule says which two it takes.
      delete schema.anyOf
      Object.assign(schema, { type: ['number', 'string'], pattern: MONEY_TEXT.source, minimum: 0, maximum: MAX_PRICE })
    },
  }
)

/** A non-negative amount with at most two decimals, as a number (converted to cents with wireToCents). */
export function moneyField() {
  return vine
    .any()
    .use(numberOrDecimalString())
    .transform((value: number | string) => Number(typeof value === 'string' ? value.trim() : value))
}
