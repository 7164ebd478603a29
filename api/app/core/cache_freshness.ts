import string from '@adonisjs/core/helpers/string'
import { markImmutable } from '#core/response_json'

/*
 * bentocache judges a value against a tag by the time the value was stored,
 * which is after its factory ran: a value computed from rows read before a
 * write committed, and stored after that write's invalidation, would pass
 * as fresh until its TTL. So this instance numbers every invalidation it
 * makes or hears of on the bus; #core/cache drops a value whose tags were
 * invalidated while its factory ran, or shortly after it was stored (the
 * bus message from another instance may arrive after the store).
 *
 * The same numbers keep a small memory of recent values in front of
 * bentocache: a hit there is a Map lookup and a comparison, where a
 * bentocache hit parses JSON and looks each tag up (a third of a cached
 * read's CPU). An entry is good while none of its tags was invalidated
 * since it was read, for at most FRONT_TTL_MS (which bounds how long a
 * lost bus message can keep it, as the TTL does in bentocache).
 */
let sequence = 0
let clearedAt = 0
const tagSequence = new Map<string, number>()

/** The number of the last invalidation this instance knows of. */
export function currentSequence() {
  return sequence
}

/*
 * Tags whose invalidation is on its way to bentocache's memory layer and
 * Redis: until it is done, bentocache may still answer with what they
 * replace, so nothing read then is kept in front.
 */
const invalidating = new Map<string, number>()

/** Numbers an invalidation of these tags; call the returned function once bentocache has it. */
export function noteInvalidated(tags: string[]): () => void {
  sequence += 1
  for (const tag of tags) {
    tagSequence.set(tag, sequence)
    invalidating.set(tag, (invalidating.get(tag) ?? 0) + 1)
  }
  return () => {
    for (const tag of tags) {
      const left = (invalidating.get(tag) ?? 1) - 1
      if (left > 0) invalidating.set(tag, left)
      else invalidating.delete(tag)
    }
  }
}

/** The whole cache was emptied: everything read before is stale. */
export function noteCleared() {
  sequence += 1
  clearedAt = sequence
  front.clear()
}

export function invalidatedSince(tags: string[], since: number) {
  return clearedAt > since || tags.some((tag) => (tagSequence.get(tag) ?? 0) > since)
}

const RECENT_WINDOW_MS = 2_000
const MAX_RECENT = 5_000
const recentlyComputed: { key: string; tags: string[]; at: number }[] = []

export function rememberComputed(key: string, tags: string[]) {
  const now = Date.now()
  while (recentlyComputed.length > 0 && (recentlyComputed.length >= MAX_RECENT || now - recentlyComputed[0].at > RECENT_WINDOW_MS)) {
    recentlyComputed.shift()
  }
  recentlyComputed.push({ key, tags, at: now })
}

/** The keys this instance computed in the last moments with one of these tags. */
export function recentlyComputedWith(tags: string[]): string[] {
  const since = Date.now() - RECENT_WINDOW_MS
  const keys = recentlyComputed.filter((entry) => entry.at >= since && entry.tags.some((tag) => tags.includes(tag)))
  return [...new Set(keys.map((entry) => entry.key))]
}

interface FrontEntry {
  value: unknown
  tags: string[]
  readAt: number
  expiresAt: number
}
const front = new Map<string, FrontEntry>()
const FRONT_MAX_ENTRIES = 5_000
const FRONT_TTL_MS = 10_000
const ttlMs = new Map<string, number>()

/** A value read recently and still good, or undefined. */
export function frontGet(key: string): { value: unknown } | undefined {
  const entry = front.get(key)
  if (!entry) return undefined
  if (entry.expiresAt <= Date.now() || invalidatedSince(entry.tags, entry.readAt)) {
    front.delete(key)
    return undefined
  }
  return entry
}

/** Keeps a value read when the invalidation count was `readAt`; frozen, since every reader shares it. */
export function frontSet(key: string, value: unknown, tags: string[], ttl: string, readAt: number) {
  if (invalidatedSince(tags, readAt) || tags.some((tag) => invalidating.has(tag))) return
  let ms = ttlMs.get(ttl)
  if (ms === undefined) {
    ms = string.milliseconds.parse(ttl)
    ttlMs.set(ttl, ms)
  }
  if (front.size >= FRONT_MAX_ENTRIES) dropExpiredOrOldest()
  front.set(key, { value: deepFreeze(value), tags, readAt, expiresAt: Date.now() + Math.min(ms, FRONT_TTL_MS) })
  markImmutable(value)
}

/*
 * Entries are dropped when read stale, or here when the memory is full:
 * first every expired entry, else the oldest (a Map keeps insertion order).
 * Bounded in entries, and each entry is one API answer (a page at most).
 */
function dropExpiredOrOldest() {
  const now = Date.now()
  for (const [key, entry] of front) if (entry.expiresAt <= now) front.delete(key)
  if (front.size >= FRONT_MAX_ENTRIES) front.delete(front.keys().next().value!)
}

export function frontDelete(keys: string[]) {
  for (const key of keys) front.delete(key)
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
