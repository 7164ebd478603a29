import env from '#start/env'
import { defineConfig, drivers, store } from '@adonisjs/cache'
import { splitRedisBus } from '#core/cache_bus'

/*
 * Memory L1 on every instance, Redis L2 shared by all of them, and a Redis
 * bus that tells every instance to drop its L1 copy when a key or tag is
 * invalidated. Without REDIS_URL the cache is memory-only (one instance).
 */
const withRedis = Boolean(env.get('REDIS_URL'))

/*
 * bentocache's memory layer keeps JSON (#core/cache keeps the recent values
 * as frozen objects in front of it). Keeping objects here, `serialize:
 * false`, breaks in bentocache 1.x as soon as a value is copied from Redis
 * into memory: the coherence test "read on B what A computed" covers it.
 * Bounded in bytes and entries.
 */
const l1 = () => drivers.memory({ maxSize: '64mb', maxItems: 10_000 })

/* Every declared store is built at boot, so the Redis one exists only when Redis is configured. */
const memory = store().useL1Layer(l1())
const tiered = store()
  .useL1Layer(l1())
  .useL2Layer(drivers.redis({ connectionName: 'main' }))
  // Invalidations published while Redis was away are sent again once it is back.
  .useBus(
    splitRedisBus({
      subscriber: 'bus',
      publisher: 'bus_publisher',
      retryQueue: { enabled: true, maxSize: 10_000, retryInterval: '1s' },
    })
  )

const cacheConfig = defineConfig({
  default: 'default',
  prefix: 'comptoir',
  ttl: '5m',
  // A Redis outage must never become an error: answer from L1 and the database.
  suppressL2Errors: true,
  // After an L2 failure, skip Redis for a while instead of failing on every request.
  l2CircuitBreakerDuration: '5s',
  stores: { default: withRedis ? tiered : memory },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
