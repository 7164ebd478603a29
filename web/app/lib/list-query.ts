// Reading list pages' query strings (?page=, ?categorie=, ?magasin=) safely:
// anything odd means "no filter" or page 1, never an error page.

/** ?page= → 1…100 000, 1 when absent or odd. */
export function pageFrom(value: string | null): number {
  const page = Number(value ?? '1')
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
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

/** The "état" filter of the management lists (products, users, tokens). */
export const ACTIVE_FILTERS = ['tous', 'actifs', 'inactifs'] as const
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number]

/** The API's `actif` query parameter for a filter (absent: both). */
export function actifQuery(filter: ActiveFilter): { actif?: boolean } {
  return filter === 'tous' ? {} : { actif: filter === 'actifs' }
}
