import type { DateTime } from 'luxon'

/**
 * An instant as every response shows it: ISO 8601 in UTC with a `Z` and
 * milliseconds (`2026-11-24T15:02:11.000Z`). The one place instants are
 * formatted, because the two kinds we hold render differently on their own:
 * a Luxon DateTime (Lucid models) keeps the process's zone and prints an
 * offset (`+00:00`, `-05:00`), a JS Date (raw queries) prints `Z`.
 */
export function instantToWire(value: DateTime | Date): string
export function instantToWire(value: DateTime | Date | null | undefined): string | null
export function instantToWire(value: DateTime | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return (value instanceof Date ? value : value.toJSDate()).toISOString()
}
