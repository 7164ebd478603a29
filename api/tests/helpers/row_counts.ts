import db from '@adonisjs/lucid/services/db'

/** Row counts of the given tables, to prove a refused request wrote nothing. */
export async function rowCounts(tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await db.from(table).count('* as total').first()
    counts[table] = Number(row?.total ?? 0)
  }
  return counts
}
