// The list pages' query strings (?page=, ?q=, ?categorie=, ?magasin=): read
// safely — anything odd means "no filter" or page 1, never an error page —
// and written back by the pagination links and after a post. Also the pages
// of a list and the choices of its filters. Shared by loaders and components.
import { calendarDay } from './calendar-day.ts'
import type { FieldErrors } from './forms/core.ts'

/** ?page= → 1…100 000, 1 when absent or odd. */
export function pageFrom(value: string | null): number {
  const page = Number(value ?? '1')
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}

// Control characters (NUL above all: PostgreSQL cannot hold it, so the API refuses the
// whole request) are never part of what someone meant to search for.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

/** A free-text filter (?q=, ?produit=): without control characters, trimmed, at most `max` characters, '' when absent. */
export function searchFrom(value: string | null, max: number): string {
  return (value ?? '').replace(CONTROL_CHARACTERS, '').trim().slice(0, max)
}

/** An id filter (?categorie=3), or null when absent or not an id. */
export function positiveId(value: string | null): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null
  const id = Number(value)
  return id >= 1 ? id : null
}

/** A value among `allowed`, or `fallback`. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback
}

/** A value among `allowed`, or null: a select's "all" choice. */
export function oneOfOrNull<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null
}

/** The "état" filter of the management lists (products, users, tokens). */
export const ACTIVE_FILTERS = ['tous', 'actifs', 'inactifs'] as const
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number]

/** The API's `actif` query parameter for a filter (absent: both). */
export function actifQuery(filter: ActiveFilter): { actif?: boolean } {
  return filter === 'tous' ? {} : { actif: filter === 'actifs' }
}

/** The days a list covers (?du=, ?au=), both included; either may be open. */
export interface DayRange {
  from: string | null
  to: string | null
  /**
   * A day that is not one (2026-02-30, "hier"): the date inputs never send
   * it, so it was typed into the URL; the list ignores it and says so on
   * the field rather than showing every day as if asked.
   */
  errors: FieldErrors
  /** The days came backwards and were put in order: the fields say so (the list reads them as meant). */
  swapped?: true
}

export function dayRangeFrom(params: URLSearchParams): DayRange {
  const errors: FieldErrors = {}
  const read = (name: 'du' | 'au') => {
    const raw = params.get(name)
    const day = calendarDay(raw)
    if (raw && day === null) errors[name] = { key: 'form.date' }
    return day
  }
  const from = read('du')
  const to = read('au')
  // Typed backwards: read as meant rather than refused.
  if (from && to && from > to) return { from: to, to: from, errors, swapped: true }
  return { from, to, errors }
}

/** One page of a list, as the API answers it and as <Pagination> counts it. */
export interface Paged<T> {
  page: number
  size: number
  total: number
  items: T[]
}

/** An API page with its items shaped for the page; the counts go through untouched. */
export function mapPage<From, To>(answer: Paged<From>, row: (item: From) => To): Paged<To> {
  return { page: answer.page, size: answer.size, total: answer.total, items: answer.items.map((item) => row(item)) }
}

/** How many pages `total` items make, at least one (an empty list is one empty page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)))
}

/**
 * The link to page `target` of the list being viewed: the other parameters
 * (search, filters, another list's page) stay, and `pinned` ones are added
 * (what keeps a list's pages still, ?jusqua=); page 1 is the bare URL.
 */
export function pageHref(
  location: { pathname: string; search: string },
  param: string,
  target: number,
  pinned: Readonly<Record<string, string>> = {}
): string {
  const params = new URLSearchParams(location.search)
  for (const [name, value] of Object.entries(pinned)) params.set(name, value)
  if (target <= 1) params.delete(param)
  else params.set(param, String(target))
  const query = params.toString()
  return query ? `${location.pathname}?${query}` : location.pathname
}

/**
 * Where a form posted from a list sends the user back (post/redirect/get): the
 * list as it was — filters and page kept — without the `forget` parameters.
 */
export function backTo(url: URL, forget: readonly string[] = []): string {
  const back = new URL(url)
  for (const name of forget) back.searchParams.delete(name)
  return back.pathname + back.search
}

/** One option of a filter's select. */
export interface Choice {
  value: string | number
  label: string
}

/** Options for fixed values (statuses, sorts), each with its label. */
export function choicesOf<T extends string>(values: readonly T[], label: (value: T) => string): Choice[] {
  return values.map((value) => ({ value, label: label(value) }))
}

/** Options for things with an id and a name (stores, categories). */
export function namedChoices(items: readonly { id: number; name: string }[]): Choice[] {
  return items.map(({ id, name }) => ({ value: id, label: name }))
}
