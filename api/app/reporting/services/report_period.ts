import { errors } from '@vinejs/vine'
import { addYears, later, today } from '#reporting/services/calendar'

/** Longest period one report may cover (a typo guard for `2205-01-01`, and a bound on bucketed series). */
export const MAX_PERIOD_YEARS = 5

/** The original's English names and the README's French names; the French one wins when both are sent. */
export interface PeriodInput {
  start_date?: string
  end_date?: string
  date_debut?: string
  date_fin?: string
}

/** Inclusive business days (APP_TIMEZONE); null = open on that side (all history). */
export interface DayRange {
  from: string | null
  to: string | null
}

export interface BoundedRange {
  from: string
  to: string
}

interface Requested {
  from?: string
  to?: string
  fromField: string
  toField: string
}

function fieldError(field: string, message: string, rule: string) {
  return new errors.E_VALIDATION_ERROR([{ field, message, rule }])
}

function requested(input: PeriodInput): Requested {
  return {
    from: input.date_debut ?? input.start_date,
    to: input.date_fin ?? input.end_date,
    fromField: input.date_debut !== undefined ? 'date_debut' : 'start_date',
    toField: input.date_fin !== undefined ? 'date_fin' : 'end_date',
  }
}

function checked<R extends DayRange>(range: R, asked: Requested): R {
  if (range.from === null || range.to === null) return range
  if (range.to < range.from) {
    throw fieldError(asked.toField, `The ${asked.toField} field must be on or after ${asked.fromField}`, 'afterOrEqual')
  }
  if (range.to >= addYears(range.from, MAX_PERIOD_YEARS)) {
    const field = asked.to !== undefined ? asked.toField : asked.fromField
    throw fieldError(field, `A report period can span at most ${MAX_PERIOD_YEARS} years`, 'maxPeriod')
  }
  return range
}

/**
 * Totals and rankings: without dates they cover all history, like the
 * original; a start alone runs to today, an end alone from the beginning.
 */
export function openPeriod(input: PeriodInput): DayRange {
  const asked = requested(input)
  const from = asked.from ?? null
  const to = asked.to ?? (from !== null ? later(today(), from) : null)
  return checked({ from, to }, asked)
}

/** Time series are always bounded: the end defaults to today, the start to the report's own window. */
export function boundedPeriod(input: PeriodInput, defaultFrom: (to: string) => string): BoundedRange {
  const asked = requested(input)
  const to = asked.to ?? (asked.from !== undefined ? later(today(), asked.from) : today())
  const from = asked.from ?? defaultFrom(to)
  return checked({ from, to }, asked)
}

/** Both ends required (custom reports): a 422 names the missing French field. */
export function requiredPeriod(input: PeriodInput): BoundedRange {
  const asked = requested(input)
  const missing = [
    ...(asked.from === undefined ? ['date_debut'] : []),
    ...(asked.to === undefined ? ['date_fin'] : []),
  ]
  if (missing.length > 0) {
    throw new errors.E_VALIDATION_ERROR(
      missing.map((field) => ({ field, message: `The ${field} field is required`, rule: 'required' }))
    )
  }
  return checked({ from: asked.from!, to: asked.to! }, asked)
}

