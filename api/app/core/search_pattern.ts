/*
 * A user's `search` goes into LIKE / ILIKE as a pattern: `%` and `_` in it
 * must be taken literally (searching "50%" must not list every row), and so
 * must the backslash, PostgreSQL's escape character for LIKE. The pattern is
 * always sent as a bound value, never spliced into SQL.
 */

function escapeLike(search: string) {
  return search.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Matches values that contain `search` (literally). */
export function containsPattern(search: string) {
  return `%${escapeLike(search)}%`
}

/**
 * A where clause (SQL and bindings) true when one of `columns` contains
 * `search` literally, in any case and with or without accents: "pates" finds
 * "Pâtes", "ECOLE" finds "École" (fold_accents, migration 0016). For text
 * people type; identifiers such as receipt numbers keep containsPattern.
 */
export function containsAnyOf(columns: string[], search: string): [string, string[]] {
  const pattern = containsPattern(search)
  const tests = columns.map(() => 'fold_accents(??) ILIKE fold_accents(?)')
  return [`(${tests.join(' OR ')})`, columns.flatMap((column) => [column, pattern])]
}

/** Matches values that start with `search` (literally). */
export function prefixPattern(search: string) {
  return `${escapeLike(search)}%`
}
