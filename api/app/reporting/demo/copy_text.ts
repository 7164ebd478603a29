/*
 * PostgreSQL COPY text format: one line per row, tab-separated, \N for
 * NULL, backslash escapes for the few characters that would break a line.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/

export function copyText(value: string | null): string {
  if (value === null) return '\\N'
  if (!NEEDS_ESCAPE.test(value)) return value
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

export function copyNumber(value: number | null): string {
  return value === null ? '\\N' : String(value)
}

/** An instant as an ISO-8601 UTC timestamp, which timestamptz reads without ambiguity. */
export function copyTimestamp(ms: number): string {
  return new Date(ms).toISOString()
}

/** Yields the rows joined into chunks of `rowsPerChunk` lines, so the socket gets few large writes. */
export function* copyChunks(rows: string[], rowsPerChunk = 2000): Generator<string> {
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    yield rows.slice(start, start + rowsPerChunk).join('\n') + '\n'
  }
}
