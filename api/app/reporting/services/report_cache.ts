import { cached, cacheKey, Tags, TTL } from '#core/cache'

/*
 * Sales reports are read far more often than the figures change in a way
 * anyone notices, and every sale, return, catalogue or store change
 * invalidates these tags after its commit (sales folded to one invalidation
 * per 200 ms, see ADR 0015), so a cached report is never older than that window, and at
 * most CACHE_TTL_REPORTS when the bus is down. The key holds the resolved
 * parameters — dates after defaults (so "today" moves the key) and the
 * store a clerk is confined to — never the raw query string.
 *
 * One tag, though reports name products and stores: catalogue and store
 * writes drop the reports too (#core/cache), and every tag a value carries
 * is one more lookup on each read.
 *
 * The stock reports (inventory-status, inventory, kpis' alerts) are not
 * cached: they read the small stock_levels table, and their freshness
 * would depend on one stock tag per location.
 */
export function cachedReport<T>(
  name: string,
  params: Record<string, string | number | boolean | null | undefined | number[]>,
  compute: () => Promise<T>
): Promise<T> {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value])
  )
  return cached(cacheKey(`reports:${name}`, flat), { ttl: TTL.reports, tags: [Tags.reports] }, compute)
}
