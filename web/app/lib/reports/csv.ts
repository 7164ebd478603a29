// The CSV downloads of the reports page: which ones exist, their URLs and
// file names. Shared by the page (links) and the resource route that
// streams them (csv.server.ts).
import type { FieldErrors } from '../forms/core.ts'
import type { Translate } from '../i18n/index.ts'
import type { ReportFilters } from './filters.ts'

export const CSV_REPORTS = ['indicateurs', 'ventes', 'magasins', 'produits', 'inventaire', 'reappro'] as const
export type CsvReport = (typeof CSV_REPORTS)[number]

/** Stock reports are a snapshot of now: they take a store, never dates. */
export const SNAPSHOT_REPORTS: readonly CsvReport[] = ['inventaire', 'reappro']

export function isCsvReport(value: string | undefined): value is CsvReport {
  return (CSV_REPORTS as readonly (string | undefined)[]).includes(value)
}

/** The download link of a report for the filters of the page (`query`: its query string). */
export function csvPath(report: CsvReport, query: string): string {
  return query ? `/rapports/csv/${report}?${query}` : `/rapports/csv/${report}`
}

/** "comptoir-ventes-2026-10-26_2026-11-24-magasin-4.csv": what, when, where. */
export function csvFileName(report: CsvReport, filters: ReportFilters, today: string): string {
  const when = SNAPSHOT_REPORTS.includes(report) ? today : `${filters.from}_${filters.to}`
  const where = filters.storeId === null ? '' : `-magasin-${filters.storeId}`
  return `comptoir-${report}-${when}${where}.csv`
}

/**
 * The plain-text answer to a download whose filters were refused: the page
 * only builds valid links, so this is a hand-made URL; each parameter (as
 * typed in it) with the reason, in the reader's language.
 */
export function csvRefusal(t: Translate, errors: FieldErrors): string {
  const reasons = Object.entries(errors).map(([field, reason]) => t('reports.csv.refusedField', { field, reason: t(reason.key, reason.params) }))
  return [t('reports.csv.refused'), ...reasons].join('\n')
}
