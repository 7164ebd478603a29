import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/*
 * Redis carries the shared cache (L2) and its invalidation bus. It is
 * optional: without REDIS_URL the cache is memory-only. Both connections
 * reconnect by themselves, forever, with a capped backoff.
 */
const url = new URL(env.get('REDIS_URL') || 'redis://127.0.0.1:6379')

const server = {
  host: url.hostname,
  port: Number(url.port || 6379),
  username: url.username ? decodeURIComponent(url.username) : undefined,
  password: url.password ? decodeURIComponent(url.password) : undefined,
  db: Number(url.pathname.slice(1) || 0),
  keyPrefix: '',
  connectTimeout: 1000,
  // Nothing connects until the cache first needs Redis (commands and tools never do).
  lazyConnect: true,
  retryStrategy: (times: number) => Math.min(times * 200, 2000),
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    /*
     * Cache reads and writes: while Redis is away a command fails after one
     * reconnection attempt, then the cache's circuit breaker skips Redis for
     * a few seconds, so requests fall back to memory and the database.
     */
    main: { ...server, maxRetriesPerRequest: 1, commandTimeout: 1000 },
    /* The bus subscription waits for Redis instead, and is renewed after every reconnection. */
    bus: { ...server, enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true },
    /*
     * Bus publishes: a request must never wait for Redis to come back, so
     * one gives up after a reconnection attempt or half a second (the bus's
     * retry queue keeps it), and is not even tried while Redis is known to
     * be away (app/core/cache_bus.ts).
     */
    bus_publisher: { ...server, maxRetriesPerRequest: 1, commandTimeout: 500 },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
