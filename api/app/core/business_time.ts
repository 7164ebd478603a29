import { fieldError } from '#core/validation'

/**
 * Stores close their day at local midnight, not UTC midnight: rollups and
 * reports group by the calendar date in this zone (APP_TIMEZONE).
 */
export const BUSINESS_TIMEZONE = process.env.APP_TIMEZONE || 'America/Toronto'

/** SQL for the business date of a timestamptz column or expression. */
export function businessDaySql(timestamp: string): string {
  return `(${timestamp} AT TIME ZONE '${BUSINESS_TIMEZONE.replace(/'/g, '')}')::date`
}

/* Building a formatter loads time zone data: one, reused (it was a quarter of a cached report's CPU). */
const businessDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The business date (YYYY-MM-DD) of an instant. */
export function businessDay(instant: Date = new Date()): string {
  return businessDayFormat.format(instant)
}

/**
 * Keeps the rows whose `column` (a timestamptz) falls on the business days `from`..`to`, both
 * included, either optional. The bounds are turned into instants, so the column's index is used.
 * A range upside down is a 422 on date_fin, on every list: a mistake to name, not an empty page.
 */
export function whereBusinessDays(
  query: { whereRaw(sql: string, bindings: unknown[]): unknown },
  column: string,
  { from, to }: { from?: string; to?: string }
) {
  if (from && to && from > to) throw fieldError('date_fin', 'date_fin is before date_debut', 'afterOrEqual')
  if (from) query.whereRaw(`${column} >= (?::date)::timestamp AT TIME ZONE ?`, [from, BUSINESS_TIMEZONE])
  if (to) query.whereRaw(`${column} < ((?::date) + 1)::timestamp AT TIME ZONE ?`, [to, BUSINESS_TIMEZONE])
}
