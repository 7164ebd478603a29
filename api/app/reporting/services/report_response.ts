import type { HttpContext } from '@adonisjs/core/http'
import { today } from '#reporting/services/calendar'
import { toCsv, type CsvDialect, type CsvTable } from '#reporting/services/csv'
import { inFrench } from '#reporting/services/csv_french_names'

export type ReportFormat = 'json' | 'csv' | 'csv-fr'

/**
 * The CSV dialect asked for, or null for JSON: `?format=csv` (or `Accept:
 * text/csv`) is the standard one, `?format=csv-fr` the French-locale
 * spreadsheet one. `format` wins over the header, so a browser link can
 * always force one or the other.
 */
export function csvDialect(ctx: HttpContext, format: ReportFormat | undefined): CsvDialect | null {
  if (format) return format === 'json' ? null : format === 'csv-fr' ? 'fr' : 'standard'
  return ctx.request.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'standard' : null
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
  const dialect = csvDialect(ctx, options.format)
  if (!dialect) return ctx.response.json(options.body)
  ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
  ctx.response.header('Content-Disposition', `attachment; filename="${options.name}-${today()}.csv"`)
  const table = options.toTable(options.body)
  return ctx.response.send(toCsv(dialect === 'fr' ? inFrench(table) : table, dialect))
}
