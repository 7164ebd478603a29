/*
 * Calendar arithmetic on business days written `YYYY-MM-DD`. The days are
 * already in APP_TIMEZONE (rollups store them that way), so the maths is
 * done on UTC dates where no daylight-saving shift can move a day.
 */
import { businessDay } from '#core/business_time'

export type Bucket = 'day' | 'week' | 'month'

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function today(): string {
  return businessDay()
}

export function addDays(day: string, days: number): string {
  const date = parse(day)
  date.setUTCDate(date.getUTCDate() + days)
  return format(date)
}

/** Same day of the month `months` later, clamped to the month's last day (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const date = parse(day)
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  return format(target)
}

export function addYears(day: string, years: number): string {
  return addMonths(day, years * 12)
}

/** Number of days from `from` to `to` inclusive (1 for the same day). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000) + 1
}

/** First day of the bucket holding `day`: itself, the Monday of its ISO week, or the 1st of its month. */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === 'day') return day
  if (bucket === 'month') return `${day.slice(0, 8)}01`
  const weekday = (parse(day).getUTCDay() + 6) % 7 // Monday = 0
  return addDays(day, -weekday)
}

/** Last day of the bucket that starts on `start`. */
export function bucketEnd(start: string, bucket: Bucket): string {
  if (bucket === 'day') return start
  if (bucket === 'week') return addDays(start, 6)
  return addDays(addMonths(start, 1), -1)
}

export function nextBucket(start: string, bucket: Bucket): string {
  if (bucket === 'day') return addDays(start, 1)
  if (bucket === 'week') return addDays(start, 7)
  return addMonths(start, 1)
}

/** Every bucket start from the bucket of `from` to the bucket of `to`. */
export function bucketStarts(from: string, to: string, bucket: Bucket): string[] {
  const starts: string[] = []
  for (let start = bucketStart(from, bucket); start <= to; start = nextBucket(start, bucket)) starts.push(start)
  return starts
}

export function earlier(a: string, b: string): string {
  return a < b ? a : b
}

export function later(a: string, b: string): string {
  return a > b ? a : b
}
