import db from '@adonisjs/lucid/services/db'

/**
 * Polls `check` until it holds; resolves with the time it took, or null when
 * `timeoutMs` passed first. For what another process or connection does in
 * its own time (a cache invalidation, a lock wait): a test waits for it to be
 * seen rather than for a fixed number of milliseconds, so it holds on a slow
 * or busy machine.
 */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 5): Promise<number | null> {
  const startedAt = Date.now()
  while (Date.now() - startedAt < timeoutMs) {
    if (await check()) return Date.now() - startedAt
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return null
}

/**
 * Resolves once another connection waits on a row lock for a query that
 * matches `queryPattern` (ILIKE): lock-ordering tests hold a lock, start a
 * request, and let go only once the request is seen blocked.
 */
export async function untilBlockedOnLock(queryPattern: string): Promise<void> {
  const blocked = await waitUntil(
    async () => {
      const waiting = await db.rawQuery(
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?",
        [queryPattern]
      )
      return waiting.rows.length > 0
    },
    10_000,
    50
  )
  if (blocked === null) throw new Error(`no query like ${queryPattern} waited on a lock within 10 s`)
}
