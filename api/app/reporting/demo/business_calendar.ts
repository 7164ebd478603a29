/*
 * Business days in the stores' time zone. Everything downstream works in
 * UTC milliseconds; this is the one place that knows about wall clocks and
 * daylight-saving time.
 */
import { DateTime } from 'luxon'
import { CLOSED_DAYS, type OpeningHours, type StoreProfile } from '#reporting/demo/profiles'

export interface BusinessDay {
  /** ISO date, e.g. "2026-03-08": the key of every daily rollup. */
  date: string
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
  /** Christmas and New Year's Day: no store opens. */
  closed: boolean
  /** UTC ms of local 00:00 and of the next local 00:00 (23, 24 or 25 hours later). */
  startMs: number
  endMs: number
  /** UTC ms at which each local hour 0–24 starts (index 24 = endMs). */
  hourStartMs: number[]
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function parseIsoDate(text: string, zone: string): DateTime {
  const date = ISO_DATE.test(text) ? DateTime.fromISO(text, { zone }) : null
  if (!date || !date.isValid) throw new Error(`Invalid date "${text}", expected YYYY-MM-DD`)
  return date.startOf('day')
}

export function todayIn(zone: string, nowMs = Date.now()): string {
  return DateTime.fromMillis(nowMs, { zone }).toISODate()!
}

export function businessDay(date: string, zone: string): BusinessDay {
  const start = parseIsoDate(date, zone)
  const hourStartMs: number[] = []
  for (let hour = 0; hour < 24; hour++) {
    // Built from wall-clock fields so a DST change (at 2 a.m., stores closed) lands where it belongs.
    hourStartMs.push(start.set({ hour }).toMillis())
  }
  const endMs = start.plus({ days: 1 }).toMillis()
  hourStartMs.push(endMs)
  return {
    date: start.toISODate()!,
    weekday: start.weekday,
    closed: CLOSED_DAYS.has(start.toFormat('MM-dd')),
    startMs: start.toMillis(),
    endMs,
    hourStartMs,
  }
}

/** The `count` business days that end the day before `endDate` (history ends yesterday). */
export function periodBefore(endDate: string, count: number, zone: string): BusinessDay[] {
  const end = parseIsoDate(endDate, zone)
  const days: BusinessDay[] = []
  for (let offset = count; offset >= 1; offset--) {
    days.push(businessDay(end.minus({ days: offset }).toISODate()!, zone))
  }
  return days
}

/** A store's hours on a given day, or null when it stays closed. */
export function openingHoursOn(profile: StoreProfile, day: BusinessDay): OpeningHours | null {
  if (day.closed) return null
  return profile.hours[day.weekday] ?? null
}
