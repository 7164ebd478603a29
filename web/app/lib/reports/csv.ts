// The CSV downloads of the reports page: which ones exist, their URLs and
// file names. Shared by the page (links) and the resource route that
// streams them (csv.server.ts).
import type { FieldErrors } from '../forms/core.ts'
import type { MessageKey, Translate } from '../i18n/index.ts'
import type { ReportFilters } from './filters.ts'

export const CSV_REPORTS = ['indicateurs', 'ventes', 'modes', 'magasins', 'produits', 'inventaire', 'reappro'] as const
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

const ERROR_TEXTS: Record<number, { title: MessageKey; message: MessageKey }> = {
  403: { title: 'error.forbidden.title', message: 'error.forbidden.message' },
  404: { title: 'error.notFound.title', message: 'error.notFound.message' },
  502: { title: 'error.api.title', message: 'error.api.message' },
  503: { title: 'error.unreachable.title', message: 'error.unreachable.message' },
}

/**
 * The plain-text body of a download that failed (no role, unknown report or
 * store, API down). A resource route has no error page: without this the
 * browser showed the internal reason ("role", "not_found") as the whole page.
 */
export function csvErrorText(t: Translate, status: number): string {
  const text = ERROR_TEXTS[status] ?? { title: 'error.unexpected.title', message: 'error.unexpected.message' }
  return `${t(text.title)}\n${t(text.message)}`
}
