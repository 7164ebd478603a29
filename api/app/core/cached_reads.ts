import { HttpContext } from '@adonisjs/core/http'

/*
 * The cached values a request was answered from, in the order it read them:
 * what its answer stays good for (#core/answer_memo).
 */
export interface CachedRead {
  key: string
  value: unknown
}

const readsByRequest = new WeakMap<HttpContext, CachedRead[]>()

/** Called by `cached` with the value it hands back: a front hit, or the value it has just stored in front. */
export function noteCachedRead(key: string, value: unknown) {
  const ctx = HttpContext.get()
  if (!ctx) return
  const reads = readsByRequest.get(ctx)
  if (reads) reads.push({ key, value })
  else readsByRequest.set(ctx, [{ key, value }])
}

export function cachedReadsOf(ctx: HttpContext): CachedRead[] | undefined {
  return readsByRequest.get(ctx)
}

/* Never the value of a front entry: an answer made from a read the cache did not keep is never memoised. */
const NOT_KEPT = Symbol('not kept')

/**
 * Called by `cached` when it hands a request a value it does not keep (read
 * across a write): the answer depends on it, and must not outlive the request.
 */
export function noteUnkeptRead(key: string) {
  noteCachedRead(key, NOT_KEPT)
}

