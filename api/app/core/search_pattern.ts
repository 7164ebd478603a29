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

/** Matches values that start with `search` (literally). */
export function prefixPattern(search: string) {
  return `${escapeLike(search)}%`
}
