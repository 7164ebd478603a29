import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import env from '#start/env'
import { ApiError } from '#core/api_error'
import { cacheCounts, cacheEnabled, clearCache, clearTag, Tags } from '#core/cache'
import { instanceId } from '#core/instance'
import { redisHealth } from '#core/redis_health'
import { validateQuery } from '#core/validation'
import { ownEntry } from '#core/own_entry'

export const clearCacheQuery = vine.create({
  pattern: vine.string().trim().maxLength(100).optional(),
  tag: vine.enum(['catalog', 'stores', 'reports']).optional(),
})

/*
 * The original cleared Redis with KEYS + DEL on any pattern (blocking, and
 * blind to other instances). Here a pattern selects a namespace, mapped to
 * the tag its entries carry, and the invalidation reaches every instance.
 */
const PATTERN_TAGS: Record<string, { tag: string; prefix: string }> = {
  'products*': { tag: Tags.catalog, prefix: 'products' },
  'categories*': { tag: Tags.catalog, prefix: 'categories' },
  'stores*': { tag: Tags.stores, prefix: 'stores' },
  'reports*': { tag: Tags.reports, prefix: 'reports' },
}

export default class CacheController {
  async stats() {
    const counts = cacheCounts()
    const lookups = counts.l1Hits + counts.l2Hits + counts.misses
    const redis = await redisHealth()
    return {
      enabled: cacheEnabled,
      store: env.get('REDIS_URL') ? 'memoire+redis' : 'memoire',
      instance: instanceId,
      hits: counts.l1Hits + counts.l2Hits,
      misses: counts.misses,
      hit_ratio: lookups === 0 ? 0 : Math.round(((counts.l1Hits + counts.l2Hits) / lookups) * 10_000) / 10_000,
      keys: counts.keys,
      layers: {
        l1: { type: 'memory', hits: counts.l1Hits },
        l2: { type: 'redis', hits: counts.l2Hits, status: redis.status },
      },
    }
  }

  async clear(ctx: HttpContext) {
    const { pattern, tag } = await validateQuery(clearCacheQuery, ctx)
    if (tag) {
      const cleared = await clearTag(tag, tag === 'catalog' ? 'products' : tag)
      return { message: `Invalidated tag '${tag}' on every instance`, cleared_count: cleared }
    }
    if (!pattern || pattern === '*') {
      const cleared = await clearCache()
      return { message: "Cleared N keys matching pattern '*'".replace('N', String(cleared)), cleared_count: cleared }
    }
    const namespace = ownEntry(PATTERN_TAGS, pattern)
    if (!namespace) {
      throw ApiError.business(`Unsupported pattern '${pattern}'`, { supported_patterns: ['*', ...Object.keys(PATTERN_TAGS)] })
    }
    const cleared = await clearTag(namespace.tag, namespace.prefix)
    return { message: `Cleared ${cleared} keys matching pattern '${pattern}'`, cleared_count: cleared }
  }
}
