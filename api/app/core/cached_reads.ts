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

/** Called by `cached` with the value it hands back from the cache's front memory. */
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
