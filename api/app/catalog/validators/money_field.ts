import vine from '@vinejs/vine'
import { amountProblem } from '#core/money_input'

/** Upper bound of a price: keeps cents well inside the integer column. */
export const MAX_PRICE = 10_000_000

const MONEY_TEXT = /^\s*\d{1,8}(\.\d{1,2})?\s*$/

/*
 * vine.number() on its own casts `true` to 1 and "" to 0; the original sent
 * prices as strings, so both JSON numbers and decimal strings are accepted,
 * and nothing else.
 */
const numberOrDecimalString = vine.createRule(
  (_value, _options, field) => {
    // The value as sent: vine.number() has already read "" as 0 and `true` as 1.
    const raw: unknown = field.parent?.[field.name]
    const problem = amountProblem(raw, { max: MAX_PRICE })
    if (problem) field.report(problem, 'money', field)
  },
  {
    /* The OpenAPI document (and the JSON type check of bodies) must say that "1.20" is accepted too. */
    toJSONSchema: (schema) => {
      Object.assign(schema, { type: ['number', 'string'], pattern: MONEY_TEXT.source })
    },
  }
)

/** A non-negative amount with at most two decimals (converted to cents with wireToCents). */
export function moneyField() {
  return vine.number().use(numberOrDecimalString()).min(0).max(MAX_PRICE).decimal([0, 2])
}
