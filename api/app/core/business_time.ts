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
