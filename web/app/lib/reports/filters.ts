// The period and store filters of the dashboard and the reports page, read
// from the URL (a GET form: bookmarkable, works without JavaScript). Shared
// by the loaders, the filter form, the CSV links and the unit tests, so no
// Node APIs here. Days are the stores' calendar days, "YYYY-MM-DD", as the
// API's date_debut/date_fin take them.
import { dayAsUtcDate, isCalendarDay } from '../calendar-day.ts'
import type { FieldErrors } from '../forms/core.ts'
import { formatDay } from '../format.ts'
import type { Message, Translate } from '../i18n/index.ts'

/** Buttons of the filter form: the last 7, 30 or 90 days, or the month so far. */
export const PERIOD_PRESETS = ['7', '30', '90', 'mois'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]
export const DEFAULT_PRESET: PeriodPreset = '30'

/** The API refuses periods of five years or more (reporting/services/report_period.ts). */
export const MAX_PERIOD_YEARS = 5

export interface ReportFilters {
  from: string
  to: string
  /** The preset this period is (to highlight its button), or null for chosen dates. */
  preset: PeriodPreset | null
  /**
   * The period was asked by its name (a preset button, or none asked: the
   * default), so links from the page keep it moving with the days. Dates
   * typed stay those dates, even when they happen to match a preset today.
   */
  rolling: boolean
  /** null: every store. */
  storeId: number | null
}

/** What the form shows back: the period applied, or what was typed when it was refused. */
export interface FilterInput {
  du: string
  au: string
  magasin: string
}

export interface ReadFilters {
  filters: ReportFilters
  input: FilterInput
  errors: FieldErrors
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
  const date = dayAsUtcDate(day)
  if (!date) throw new RangeError(`Not a calendar day: ${day}`)
  date.setUTCDate(date.getUTCDate() + days)
  return iso(date)
}

function addYears(day: string, years: number): string {
  const date = dayAsUtcDate(day)
  if (!date) throw new RangeError(`Not a calendar day: ${day}`)
  date.setUTCFullYear(date.getUTCFullYear() + years)
  return iso(date)
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  const start = dayAsUtcDate(from)
  const end = dayAsUtcDate(to)
  if (!start || !end) throw new RangeError(`Not calendar days: ${from}, ${to}`)
  return Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1
}

export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  if (preset === 'mois') return { from: `${today.slice(0, 8)}01`, to: today }
  return { from: addDays(today, -(Number(preset) - 1)), to: today }
}

function presetOf(from: string, to: string, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((preset) => {
    const range = presetRange(preset, today)
    return range.from === from && range.to === to
  }) ?? null
}

function isPreset(value: string | null): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly (string | null)[]).includes(value)
}

function storeParam(raw: string, knownStoreIds: readonly number[] | null): { storeId: number | null; error?: Message } {
  if (raw === '') return { storeId: null }
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) return { storeId: null, error: { key: 'form.choice' } }
  const storeId = Number(raw)
  if (knownStoreIds && !knownStoreIds.includes(storeId)) return { storeId: null, error: { key: 'form.choice' } }
  return { storeId }
}

/**
 * `?periode=7|30|90|mois` (a button of the form; wins, so a bookmark stays
 * "the last 7 days"), else `?du=&au=`, else the last 30 days; `?magasin=`
 * is a store id (absent: every store). A refused field keeps what was
 * typed, gets a message, and the page shows the default period instead.
 * `knownStoreIds` (the stores the user may see) turns an unknown store into
 * a field error; null leaves the check to the API.
 */
export function readReportFilters(params: URLSearchParams, today: string, knownStoreIds: readonly number[] | null = null): ReadFilters {
  const errors: FieldErrors = {}
  const rawFrom = (params.get('du') ?? '').trim()
  const rawTo = (params.get('au') ?? '').trim()
  const rawStore = (params.get('magasin') ?? '').trim()
  const store = storeParam(rawStore, knownStoreIds)
  if (store.error) errors.magasin = store.error

  const preset = params.get('periode')
  let range = presetRange(DEFAULT_PRESET, today)
  let rolling = true
  if (isPreset(preset)) {
    range = presetRange(preset, today)
  } else if (rawFrom !== '' || rawTo !== '') {
    const from = rawFrom === '' ? null : rawFrom
    const to = rawTo === '' ? today : rawTo
    if (from === null) errors.du = { key: 'form.required' }
    else if (!isCalendarDay(from)) errors.du = { key: 'reports.filters.badDate' }
    else if (from > today) errors.du = { key: 'reports.filters.future' }
    if (!isCalendarDay(to)) errors.au = { key: 'reports.filters.badDate' }
    else if (to > today) errors.au = { key: 'reports.filters.future' }
    else if (from !== null && !errors.du && to < from) errors.au = { key: 'reports.filters.endBeforeStart' }
    else if (from !== null && !errors.du && to >= addYears(from, MAX_PERIOD_YEARS)) {
      errors.au = { key: 'reports.filters.tooLong', params: { years: MAX_PERIOD_YEARS } }
    }
    if (from !== null && !errors.du && !errors.au) {
      range = { from, to }
      rolling = false
    }
  }

  const periodRefused = Boolean(errors.du || errors.au)
  return {
    filters: { ...range, preset: presetOf(range.from, range.to, today), rolling, storeId: store.storeId },
    input: {
      du: periodRefused ? rawFrom : range.from,
      au: periodRefused ? rawTo : range.to,
      magasin: store.error ? rawStore : store.storeId === null ? '' : String(store.storeId),
    },
    errors,
  }
}

/**
 * The query string of a page showing these filters: a preset asked by name
 * stays a preset (a bookmark of "the last 7 days" moves with the days),
 * other periods are dates.
 */
export function filtersQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  if (filters.rolling && filters.preset) params.set('periode', filters.preset)
  else {
    params.set('du', filters.from)
    params.set('au', filters.to)
  }
  if (filters.storeId !== null) params.set('magasin', String(filters.storeId))
  for (const [name, value] of Object.entries(extra)) params.set(name, value)
  return params.toString()
}

/** The API's query for these filters (period and store; French names, as the README documents them). */
export function apiPeriodQuery(filters: ReportFilters): { date_debut: string; date_fin: string; magasin_id?: number } {
  return {
    date_debut: filters.from,
    date_fin: filters.to,
    ...(filters.storeId !== null ? { magasin_id: filters.storeId } : {}),
  }
}

export type Granularity = 'daily' | 'weekly' | 'monthly'

/** Bars a chart can show legibly: days up to three months, weeks up to two years, then months. */
export function granularityFor(filters: Pick<ReportFilters, 'from' | 'to'>): Granularity {
  const days = daysInclusive(filters.from, filters.to)
  if (days <= 92) return 'daily'
  if (days <= 731) return 'weekly'
  return 'monthly'
}

/** "du 1er décembre 2026 au 6 décembre 2026", or "du 6 décembre 2026" for one day (not "du 6 … au 6 …"). */
export function periodLabel(t: Translate, { from, to }: Pick<ReportFilters, 'from' | 'to'>): string {
  return from === to ? t('reports.periodDay', { day: formatDay(from) }) : t('reports.periodRange', { from: formatDay(from), to: formatDay(to) })
}
