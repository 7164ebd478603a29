import vine from '@vinejs/vine'

/*
 * A day in a filter (`date_debut=2026-03-01`): the same rule and message on every list and
 * report. 2026-02-30 is refused here rather than by PostgreSQL with a 500; years before 1900
 * are a typo, not a business day.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/

/* The shape is checked here too, not by .regex(): its "format is invalid" told nothing of what a day is (2024-01-01T00:00:00). */
const realCalendarDay = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    const [year, month, day] = value.split('-').map(Number)
    const date = new Date(Date.UTC(year, month - 1, day))
    if (!DAY.test(value) || year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      field.report('The {{ field }} field must be a real calendar date (YYYY-MM-DD)', 'calendarDate', field)
    }
  },
  { toJSONSchema: (schema) => Object.assign(schema, { pattern: DAY.source }) }
)

/** `YYYY-MM-DD`, a day that exists; kept as that text (it compares in calendar order). */
export const calendarDate = () => vine.string().trim().use(realCalendarDay())

/** An optional day of a list's period filter (date_debut, date_fin…), typed as a date in the OpenAPI document. */
export const periodDay = () => calendarDate().meta({ format: 'date' }).optional()
