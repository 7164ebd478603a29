import cache from '@adonisjs/cache/services/main'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { cacheOperationsTotal } from '#core/metrics'
import {
  currentSequence,
  frontDelete,
  frontGet,
  frontSet,
  invalidatedSince,
  noteCleared,
  noteInvalidated,
  recentlyComputedWith,
  rememberComputed,
} from '#core/cache_freshness'
import { noteCachedRead, noteUnkeptRead } from '#core/cached_reads'

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

const TAG_KEY_PREFIX = '___bc:t:'

/** Another instance invalidated these tags: drop what this one computed just before hearing of it. */
async function dropRecentlyComputed(tags: string[]) {
  const keys = recentlyComputedWith(tags)
  if (keys.length === 0) return
  frontDelete(keys)
  try {
    await cache.deleteMany({ keys })
  } catch (error) {
    logger.warn({ err: error, tags }, 'could not drop values computed before a remote invalidation')
  }
}

/* Keys this instance wrote, for /cache/stats and /cache/clear (bounded: a count, not an index). */
const knownKeys = new Set<string>()
const MAX_KNOWN_KEYS = 50_000

/**
 * Counts hits, misses and keys for /cache/stats and /metrics. Called by the
 * start/cache preload: at import time the emitter does not exist yet (ace
 * imports every command, and with them this module, before booting).
 */
function countHit(layer: 'l1' | 'l2') {
  if (layer === 'l2') counts.l2Hits += 1
  else counts.l1Hits += 1
  cacheOperationsTotal.inc({ result: 'hit', layer })
}

/** Hits served without calling `cached` (#core/answer_memo answers from what it read before). */
export function countFrontHits(count: number) {
  for (let i = 0; i < count; i += 1) countHit('l1')
}

export function trackCacheEvents() {
  // bentocache reads its tag markers through the cache too: those are not the application's hits and misses.
  emitter.on('cache:hit', (event: { key: string; layer?: 'l1' | 'l2' }) => {
    if (!event.key.startsWith(TAG_KEY_PREFIX)) countHit(event.layer ?? 'l1')
  })
  emitter.on('cache:written', (event: { key: string }) => {
    if (!event.key.startsWith(TAG_KEY_PREFIX) && knownKeys.size < MAX_KNOWN_KEYS) knownKeys.add(event.key)
  })
  emitter.on('cache:miss', (event: { key: string }) => {
    if (event.key.startsWith(TAG_KEY_PREFIX)) return
    counts.misses += 1
    cacheOperationsTotal.inc({ result: 'miss', layer: 'none' })
  })
  emitter.on('bus:message:received', (event: { message: { keys?: string[]; type?: string } }) => {
    // Another instance cleared the cache, stored a newer value, deleted keys or invalidated tags.
    if (event.message.type === 'clear') return noteCleared()
    const keys = event.message.keys ?? []
    frontDelete(keys)
    const tags = keys.filter((key) => key.startsWith(TAG_KEY_PREFIX)).map((key) => key.slice(TAG_KEY_PREFIX.length))
    if (tags.length === 0) return
    // bentocache has already expired its own copy of these markers when listeners hear the message.
    noteInvalidated(tags)()
    void dropRecentlyComputed(tags)
  })
}

export async function cached<T>(
  key: string,
  options: { ttl: string; tags: string[] },
  factory: () => Promise<T>
): Promise<T> {
  if (!cacheEnabled) return factory()
  const recent = frontGet(key)
  if (recent) {
    countHit('l1')
    noteCachedRead(key, recent.value)
    return recent.value as T
  }
  const readAt = currentSequence()
  let startedAt: number | undefined
  try {
    const value = await cache.getOrSet({
      key,
      ttl: options.ttl,
      tags: options.tags,
      // The first reader gets what every later one will: the value as JSON gives it back (dates as strings).
      factory: async () => {
        startedAt = currentSequence()
        const computed = JSON.parse(JSON.stringify(await factory())) as T
        // Read before a write that has invalidated its tags since: this reader gets it, the cache does not.
        if (invalidatedSince(options.tags, startedAt)) throw new ReadAcrossAWrite(computed)
        return computed
      },
    })
    if (startedAt !== undefined && invalidatedSince(options.tags, startedAt)) {
      // Invalidated between the factory's end and the store: drop what was stored.
      frontDelete([key])
      await cache.delete({ key })
      noteUnkeptRead(key)
      return value
    }
    if (startedAt !== undefined) rememberComputed(key, options.tags)
    frontSet(key, value, options.tags, options.ttl, startedAt ?? readAt)
    noteCachedRead(key, value)
    return value
  } catch (error) {
    // bentocache wraps what the factory threw; the client must see the original (a 404, a 422...).
    const cause = (error as { code?: string; cause?: unknown }).cause
    if (cause instanceof ReadAcrossAWrite) {
      // What this request was answered from is not the cache's: no answer made from it is memoised (#core/answer_memo).
      noteUnkeptRead(key)
      return cause.value as T
    }
    throw (error as { code?: string }).code === 'E_FACTORY_ERROR' && cause ? cause : error
  }
}

/** A factory's value that must not be stored (see `cached`). */
class ReadAcrossAWrite extends Error {
  constructor(readonly value: unknown) {
    super('value read across a write: not cached')
  }
}

/*
 * A write's own request must read what it wrote: invalidations started while
 * a request is handled (found through the request's HttpContext, which
 * AdonisJS carries in async local storage) are awaited before its response
 * goes out (see settleInvalidations, called by request_context_middleware).
 */
const pendingByRequest = new WeakMap<HttpContext, Promise<void>[]>()

/** Waits for the cache invalidations this request started. */
export async function settleInvalidations(ctx: HttpContext) {
  const pending = pendingByRequest.get(ctx)
  if (pending) await Promise.all(pending)
}

/* Reports show product and store names: a catalogue or store write drops them too (they carry the reports tag only). */
const ALSO_INVALIDATES: Record<string, string[]> = { [Tags.catalog]: [Tags.reports], [Tags.stores]: [Tags.reports] }

/** Invalidations under way: at shutdown they finish before Redis is closed under them. */
const inFlight = new Set<Promise<void>>()

function deleteTags(requested: string[]): Promise<void> {
  const done = deleteTagsNow(requested)
  inFlight.add(done)
  void done.finally(() => inFlight.delete(done))
  return done
}

async function deleteTagsNow(requested: string[]) {
  const tags = [...new Set(requested.flatMap((tag) => [tag, ...(ALSO_INVALIDATES[tag] ?? [])]))]
  const settled = noteInvalidated(tags)
  try {
    // One call per tag, started together: bentocache writes a call's tag markers one after the
    // other (each after a Redis round trip), and a value whose marker is not written yet still
    // passes its check in the meantime.
    await Promise.all(tags.map((tag) => cache.deleteByTag({ tags: [tag] })))
  } catch (error) {
    // Redis down: bentocache still clears this instance's L1; TTLs bound the rest.
    logger.warn({ err: error, tags }, 'cache invalidation failed')
  } finally {
    settled()
  }
}

/** Drops every cached value carrying one of these tags, on every instance; the current request waits for it. */
export function invalidateTags(tags: string[]): Promise<void> {
  if (!cacheEnabled || tags.length === 0) return Promise.resolve()
  const done = deleteTags(tags)
  const ctx = HttpContext.get()
  if (ctx) pendingByRequest.set(ctx, [...(pendingByRequest.get(ctx) ?? []), done])
  return done
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

/*
 * A busy register sells many times a second; one invalidation per tag per
 * window is enough for what sales change (reports, stock levels, documented
 * as up to this window behind). The first sale invalidates at once, later
 * ones in the same window are folded into one trailing invalidation at its
 * end, so a reader never sees data older than the window. The sale's
 * response does not wait for it.
 */
const COALESCE_WINDOW_MS = 200
const lastInvalidated = new Map<string, number>()
const trailing = new Map<string, NodeJS.Timeout>()

/**
 * At shutdown, before Redis is closed: the folded invalidations still
 * waiting for the end of their window are sent now, or the other instances
 * would show what the last sales changed only when their TTLs run out; and
 * those already sent are waited for (a command's last write: Redis closed
 * under one made `ace bench:prepare` die on "Connection is closed").
 */
export async function flushPendingInvalidations() {
  const tags = [...trailing.keys()]
  for (const timer of trailing.values()) clearTimeout(timer)
  trailing.clear()
  if (tags.length > 0) await deleteTags(tags)
  await Promise.allSettled([...inFlight])
}

/*
 * Registered by whatever process loads the cache, not by start/cache.ts: that
 * preload is for the web server and the tests, and an ace command that writes
 * (bench:prepare tops up stock, which invalidates after its commit) ended with
 * Redis closed under its last invalidation — « Connection is closed », exit 1.
 */
app.terminating(() => flushPendingInvalidations())

/** Invalidates these tags within COALESCE_WINDOW_MS, folding bursts of writes into one invalidation. */
export function invalidateSoon(tags: string[]) {
  if (!cacheEnabled || tags.length === 0) return
  // A monotonic clock: a step back of the wall clock must not push the trailing invalidation far away.
  const now = performance.now()
  const immediate: string[] = []
  for (const tag of tags) {
    const last = lastInvalidated.get(tag) ?? -Infinity
    if (now - last >= COALESCE_WINDOW_MS) {
      lastInvalidated.set(tag, now)
      immediate.push(tag)
    } else if (!trailing.has(tag)) {
      const timer = setTimeout(() => {
        trailing.delete(tag)
        lastInvalidated.set(tag, performance.now())
        void deleteTags([tag])
      }, COALESCE_WINDOW_MS - (now - last))
      timer.unref()
      trailing.set(tag, timer)
    }
  }
  if (immediate.length > 0) void deleteTags(immediate)
}

export function cacheCounts() {
  return { ...counts, keys: knownKeys.size }
}

/** Empties the whole cache (every instance, through the bus); returns the keys this instance held. */
export async function clearCache(): Promise<number> {
  const held = knownKeys.size
  knownKeys.clear()
  noteCleared()
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
