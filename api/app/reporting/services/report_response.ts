import type { HttpContext } from '@adonisjs/core/http'
import { today } from '#reporting/services/calendar'
import { toCsv, type CsvTable } from '#reporting/services/csv'

export type ReportFormat = 'json' | 'csv'

/**
 * CSV when asked with `?format=csv` or `Accept: text/csv`; `format` wins
 * over the header, so a browser link can always force one or the other.
 */
export function wantsCsv(ctx: HttpContext, format: ReportFormat | undefined): boolean {
  if (format) return format === 'csv'
  return ctx.request.accepts(['application/json', 'text/csv']) === 'text/csv'
}

/**
 * Sends a report as JSON, or as a CSV download named `<report>-<today>.csv`
 * built from the same figures (`toTable` flattens the JSON answer).
 */
export function sendReport<T>(
  ctx: HttpContext,
  options: { name: string; format: ReportFormat | undefined; body: T; toTable: (body: T) => CsvTable }
) {
  ctx.response.header('Vary', 'Accept')
  if (!wantsCsv(ctx, options.format)) return ctx.response.json(options.body)
  ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
  ctx.response.header('Content-Disposition', `attachment; filename="${options.name}-${today()}.csv"`)
  return ctx.response.send(toCsv(options.toTable(options.body)))
}
