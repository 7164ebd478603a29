// Shared by server and browser renders: fixed locale and time zone so both
// produce the same text and hydration does not flicker.
const LOCALE = 'fr-CA'
// The stores are in Montréal; IANA files Montréal under America/Toronto.
export const STORE_TIME_ZONE = 'America/Toronto'

const moneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'CAD' })

/** 120 → "1,20 $" (the space before "$" is a no-break space, as fr-CA writes it). */
export function formatMoney(cents: number): string {
  // Amounts travel as integer cents; a fraction here means a caller did float money math.
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`formatMoney expects an integer amount of cents, got ${cents}`)
  }
  return moneyFormat.format(cents / 100)
}

const signedMoneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'CAD', signDisplay: 'exceptZero' })

/** A difference: 2 → "+0,02 $", −2 → "-0,02 $" (a cash rounding, a variance). */
export function formatSignedMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatSignedMoney expects an integer amount of cents, got ${cents}`)
  return signedMoneyFormat.format(cents / 100)
}

const dateFormats = {
  date: new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: STORE_TIME_ZONE }),
  datetime: new Intl.DateTimeFormat(LOCALE, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: STORE_TIME_ZONE,
  }),
}

/**
 * "2025-11-24T15:30:00Z" → "24 novembre 2025" (or "24 novembre 2025 à 10 h 30" with
 * `withTime`), in the stores' time zone. Accepts a Date or an ISO 8601 string.
 */
export function formatDate(value: Date | string, { withTime = false } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`formatDate expects a valid date, got ${String(value)}`)
  }
  return withFirstOfMonth(withTime ? dateFormats.datetime : dateFormats.date, date)
}

/** French writes the first day of a month "1er décembre"; Intl writes "1 décembre". */
function withFirstOfMonth(format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('')
}

const numberFormat = new Intl.NumberFormat(LOCALE)

/** 1234 → "1 234" (fr-CA groups thousands with a no-break space). */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

// Tax rates are published to 10 ppm (three decimals of a percent); four keeps any finer one visible.
const rateFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 4 })

/** A rate in parts per million: 99 750 → "9,975 %", 50 000 → "5 %" (no-break space before "%"). */
export function formatRatePpm(ratePpm: number): string {
  return `${rateFormat.format(ratePpm / 10_000)}\u00a0%`
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short', timeZone: STORE_TIME_ZONE })

/** "2025-11-24T15:30:00Z" → "10 h 30" in the stores' time zone. */
export function formatTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`formatTime expects a valid date, got ${String(value)}`)
  return timeFormat.format(date)
}

/** The time alone when it is today ("10 h 30"), else the day too ("5 décembre 2026 à 22 h 10"): a drawer opened yesterday says so. */
export function formatTimeToday(value: Date | string, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return storeDay(date) === storeDay(now) ? formatTime(date) : formatDate(date, { withTime: true })
}

const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: STORE_TIME_ZONE,
})

/** The stores' calendar day as YYYY-MM-DD (what the API's date filters take). */
export function storeDay(value: Date = new Date()): string {
  return isoDayFormat.format(value)
}

// Report days are calendar days ("2026-11-24", no time of day): formatted in
// UTC so no time zone can move them to the day before.
const dayFormats = {
  long: new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }),
  short: new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  shortWithYear: new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** "2026-11-24" → "24 novembre 2026" (long), "24 nov." (short) or "novembre 2026" (month); the first of a month is "1er" ("1er déc."). */
export function formatDay(day: string, style: keyof typeof dayFormats = 'long'): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) {
    throw new RangeError(`formatDay expects a YYYY-MM-DD day, got ${day}`)
  }
  return withFirstOfMonth(dayFormats[style], date)
}

/**
 * Two report days as a short range: "24 nov. – 30 nov." within this year; the year is written
 * when the range is in another one ("24 nov. – 30 nov. 2025") or spans two ("28 déc. 2025 – 3 janv. 2026").
 * One day is one day: "5 déc.", not "5 déc. – 5 déc.".
 */
export function formatDayRange(from: string, to: string, today: string = storeDay()): string {
  const [fromYear, toYear, thisYear] = [from, to, today].map((day) => day.slice(0, 4))
  if (from === to) return formatDay(from, fromYear === thisYear ? 'short' : 'shortWithYear')
  if (fromYear !== toYear) return `${formatDay(from, 'shortWithYear')} – ${formatDay(to, 'shortWithYear')}`
  return `${formatDay(from, 'short')} – ${formatDay(to, toYear === thisYear ? 'short' : 'shortWithYear')}`
}

const changeFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })

/** A change in percent: 12.5 → "+12,5 %", -3 → "-3 %", 0 → "0 %"; null (nothing to compare with) → "—". */
export function formatChange(percent: number | null): string {
  return percent === null ? '—' : `${changeFormat.format(percent)}\u00a0%`
}

// Two decimals at most: an axis tick 250 $ apart from the last reads « 1,25 k$ », not « 1,3 k$ ».
const compactMoneyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'CAD',
  notation: 'compact',
  maximumFractionDigits: 2,
})

/** For chart axes: 125000 (cents) → "1,25 k$", 900 → "9 $" (no decimals on whole dollars). Integer cents, like formatMoney(). */
export function formatMoneyCompact(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatMoneyCompact expects integer cents, got ${cents}`)
  return compactMoneyFormat.format(cents / 100)
}
