import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/*
 * While Redis is away, invalidations cannot reach the other instances (the
 * bus is Redis) nor the shared L2. When the connection comes back, this
 * instance empties the cache (its L1 and the L2) so nothing written during
 * the outage is served stale afterwards; values are rebuilt from the database.
 */
let lost = false

/** True from the moment the cache's Redis connection drops until it is ready again. */
export function redisIsAway() {
  return lost
}

export async function watchRedisRecovery() {
  if (!env.get('REDIS_URL')) return
  const { default: redis } = await import('@adonisjs/redis/services/main')
  const connection = redis.connection('main')
  connection.on('close', () => {
    lost = true
  })
  connection.on('ready', async () => {
    if (!lost) return
    lost = false
    try {
      const { clearCache } = await import('#core/cache')
      const dropped = await clearCache()
      logger.warn({ dropped }, 'redis is back: cache emptied to drop what may have gone stale during the outage')
    } catch (error) {
      logger.error({ err: error }, 'could not empty the cache after redis came back')
    }
  })
}
