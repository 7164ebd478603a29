/*
 * CSV for report downloads: a header row, CRLF line ends, fields quoted when
 * they hold the separator, a quote or a line break (quotes doubled).
 *
 * Two dialects. `standard` is RFC 4180: commas, decimal points — what
 * programs and English-locale spreadsheets read. `fr` is what a French-locale
 * spreadsheet (Excel in French, as in Québec) reads into columns and numbers:
 * semicolons between fields and decimal commas ("12,50"); given commas and
 * points, such an Excel puts each line in one cell and reads 12.50 as text.
 *
 * Reports end up in spreadsheets, and a cell such as `=HYPERLINK(...)` in a
 * product or store name would run as a formula there (CSV injection). Text
 * starting with = + - @ (or their full-width forms, or any of them after
 * spaces, or a tab / carriage return, which some spreadsheets skip or
 * convert before looking) gets a leading single quote, so it is shown as text. Plain numbers such as "-12.50" (a negative amount) are
 * left alone: they cannot be formulas, and must stay numbers.
 */

export type CsvValue = string | number | boolean | null | undefined
export type CsvDialect = 'standard' | 'fr'

export interface CsvTable {
  columns: string[]
  rows: CsvValue[][]
}

const FORMULA_START = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const SEPARATOR: Record<CsvDialect, string> = { standard: ',', fr: ';' }
const NEEDS_QUOTES: Record<CsvDialect, RegExp> = { standard: /[",\r\n]/, fr: /[";\r\n]/ }

export function csvCell(value: CsvValue, dialect: CsvDialect = 'standard'): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  const isNumber = typeof value === 'number' || PLAIN_NUMBER.test(text)
  if (typeof value === 'string' && FORMULA_START.test(text) && !isNumber) text = `'${text}`
  // Amounts travel as text ("12.50", exact to the cent): a number in either form gets the decimal comma.
  if (dialect === 'fr' && isNumber) text = text.replace('.', ',')
  return NEEDS_QUOTES[dialect].test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(table: CsvTable, dialect: CsvDialect = 'standard'): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map((value) => csvCell(value, dialect)).join(SEPARATOR[dialect]))
  return `${lines.join('\r\n')}\r\n`
}
