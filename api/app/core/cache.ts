import cache from '@adonisjs/cache/services/main'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { cacheOperationsTotal } from '#core/metrics'

/*
 * Read-through caching for what is read often and changes rarely (catalog,
 * stores, reports, stock reads where a few seconds of staleness is fine).
 * Every write invalidates tags after its transaction commits; the Redis bus
 * carries the invalidation to every instance. With CACHE_ENABLED=false the
 * factories run every time (used to measure the cache's effect).
 */
export const cacheEnabled = env.get('CACHE_ENABLED', true)

export const TTL = {
  catalog: env.get('CACHE_TTL_CATALOG', '5m'),
  reports: env.get('CACHE_TTL_REPORTS', '30s'),
  stock: '10s',
} as const

/** Tags name what a cached value depends on; writes invalidate the same names. */
export const Tags = {
  catalog: 'catalog',
  stores: 'stores',
  reports: 'reports',
  stockOf: (locationId: number) => `stock:${locationId}`,
} as const

const counts = { l1Hits: 0, l2Hits: 0, misses: 0 }
/* Keys this instance wrote, for /cache/stats and /cache/clear (bounded: a count, not an index). */
const knownKeys = new Set<string>()
const MAX_KNOWN_KEYS = 50_000

/**
 * Counts hits, misses and keys for /cache/stats and /metrics. Called by the
 * start/cache preload: at import time the emitter does not exist yet (ace
 * imports every command, and with them this module, before booting).
 */
export function trackCacheEvents() {
  emitter.on('cache:hit', (event: { layer?: 'l1' | 'l2' }) => {
    if (event.layer === 'l2') counts.l2Hits += 1
    else counts.l1Hits += 1
    cacheOperationsTotal.inc({ result: 'hit', layer: event.layer ?? 'l1' })
  })
  emitter.on('cache:written', (event: { key: string }) => {
    if (knownKeys.size < MAX_KNOWN_KEYS) knownKeys.add(event.key)
  })
  emitter.on('cache:miss', () => {
    counts.misses += 1
    cacheOperationsTotal.inc({ result: 'miss', layer: 'none' })
  })
}

export async function cached<T>(
  key: string,
  options: { ttl: string; tags: string[] },
  factory: () => Promise<T>
): Promise<T> {
  if (!cacheEnabled) return factory()
  try {
    return await cache.getOrSet({ key, ttl: options.ttl, tags: options.tags, factory })
  } catch (error) {
    // bentocache wraps what the factory threw; the client must see the original (a 404, a 422...).
    const cause = (error as { code?: string; cause?: unknown }).cause
    throw (error as { code?: string }).code === 'E_FACTORY_ERROR' && cause ? cause : error
  }
}

/*
 * A busy register writes many times a second; one invalidation per tag per
 * window is enough. The first write invalidates at once, later writes in the
 * same window are folded into one trailing invalidation at its end, so a
 * reader never sees data older than the window.
 */
const COALESCE_WINDOW_MS = 200
const lastInvalidated = new Map<string, number>()
const trailing = new Map<string, NodeJS.Timeout>()

/** At shutdown: pending trailing invalidations would fire after Redis is closed. */
export function cancelPendingInvalidations() {
  for (const timer of trailing.values()) clearTimeout(timer)
  trailing.clear()
}

async function deleteTags(tags: string[]) {
  try {
    await cache.deleteByTag({ tags })
  } catch (error) {
    // Redis down: bentocache still clears this instance's L1; TTLs bound the rest.
    logger.warn({ err: error, tags }, 'cache invalidation failed')
  }
}

/** Drops every cached value carrying one of these tags, on every instance. */
export async function invalidateTags(tags: string[]) {
  if (!cacheEnabled || tags.length === 0) return
  const now = Date.now()
  const immediate: string[] = []
  for (const tag of tags) {
    const last = lastInvalidated.get(tag) ?? 0
    if (now - last >= COALESCE_WINDOW_MS) {
      lastInvalidated.set(tag, now)
      immediate.push(tag)
    } else if (!trailing.has(tag)) {
      const timer = setTimeout(() => {
        trailing.delete(tag)
        lastInvalidated.set(tag, Date.now())
        void deleteTags([tag])
      }, COALESCE_WINDOW_MS - (now - last))
      timer.unref()
      trailing.set(tag, timer)
    }
  }
  if (immediate.length > 0) await deleteTags(immediate)
}

/** Drops these tags now, on every instance, without coalescing (for writes that must be seen at once). */
export async function invalidateTagsNow(tags: string[]) {
  if (!cacheEnabled || tags.length === 0) return
  await deleteTags(tags)
}

/**
 * Invalidates once the transaction has committed: invalidating earlier
 * would let a concurrent read cache the old value again before the commit.
 */
export function invalidateAfterCommit(trx: TransactionClientContract, tags: string[]) {
  trx.after('commit', () => {
    void invalidateTags(tags)
  })
}

export function cacheCounts() {
  return { ...counts, keys: knownKeys.size }
}

/** Empties the whole cache (every instance, through the bus); returns the keys this instance held. */
export async function clearCache(): Promise<number> {
  const held = knownKeys.size
  knownKeys.clear()
  await cache.clear()
  return held
}

/** Invalidates one tag now (no coalescing); returns the keys of this instance that carried its prefix. */
export async function clearTag(tag: string, keyPrefix: string): Promise<number> {
  const held = [...knownKeys].filter((key) => key.startsWith(keyPrefix))
  held.forEach((key) => knownKeys.delete(key))
  await deleteTags([tag])
  return held.length
}

/** A cache key from a route name and its validated parameters (order-independent). */
export function cacheKey(name: string, params: object = {}) {
  const entries = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value instanceof Date ? value.toISOString() : String(value)}`)
  return entries.length ? `${name}?${entries.join('&')}` : name
}
