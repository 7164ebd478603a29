/*
 * RFC 4180 CSV for report downloads: a header row, CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break (quotes doubled).
 *
 * Reports end up in spreadsheets, and a cell such as `=HYPERLINK(...)` in a
 * product or store name would run as a formula there (CSV injection). Text
 * starting with = + - @ (or a tab / carriage return, which some
 * spreadsheets skip before looking) gets a leading single quote, so it is
 * shown as text. Plain numbers such as "-12.50" (a negative amount) are
 * left alone: they cannot be formulas, and must stay numbers.
 */

export type CsvValue = string | number | boolean | null | undefined

export interface CsvTable {
  columns: string[]
  rows: CsvValue[][]
}

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','))
  return `${lines.join('\r\n')}\r\n`
}
