import db from '@adonisjs/lucid/services/db'

/*
 * What may change while hostile requests are refused: the login limiter's
 * counters and when a token was last used. Everything else must not move.
 */
const IGNORED_TABLES = new Set(['rate_limits'])
const IGNORED_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] }

export type Checksums = Record<string, { rows: number; md5: string }>

async function tableNames(): Promise<string[]> {
  const result = await db.rawQuery<{ rows: { tablename: string }[] }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'adonis_schema%' ORDER BY tablename"
  )
  return result.rows.map((r) => r.tablename).filter((name) => !IGNORED_TABLES.has(name))
}

/** One md5 per table over every row (as JSON, ignored columns removed), in one query. */
export async function tableChecksums(): Promise<Checksums> {
  const names = await tableNames()
  const selects = names.map((name) => {
    const row = ['to_jsonb(r)', ...(IGNORED_COLUMNS[name] ?? []).map((c) => `'${c}'`)].join(' - ')
    return `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS md5
              FROM (SELECT (${row})::text AS x FROM "${name}" r) s`
  })
  const result = await db.rawQuery<{ rows: { name: string; rows: number; md5: string }[] }>(selects.join('\nUNION ALL\n'))
  return Object.fromEntries(result.rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]))
}

/** The tables whose content differs, with their row counts before and after. */
export function changedTables(before: Checksums, after: Checksums): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names]
    .filter((name) => before[name]?.md5 !== after[name]?.md5)
    .map((name) => `${name} (${before[name]?.rows ?? 'absent'} → ${after[name]?.rows ?? 'absent'} rows)`)
}
