// Calendar days as the forms and the API write them, "YYYY-MM-DD" (what
// `<input type="date">` sends). Shared by the browser and the server.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day at UTC midnight, or null when it is not a real day (2026-02-30 rolls over to March; years before 1900 are typos). */
export function dayAsUtcDate(day: string): Date | null {
  const match = DAY.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const value = new Date(Date.UTC(year, month - 1, date))
  if (year < 1900 || value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== date) return null
  return value
}

export function isCalendarDay(value: string): boolean {
  return dayAsUtcDate(value) !== null
}

/** The value when it is a real calendar day, else null. */
export function calendarDay(value: string | null): string | null {
  return value !== null && isCalendarDay(value) ? value : null
}
