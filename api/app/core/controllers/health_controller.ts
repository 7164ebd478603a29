import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { instanceId } from '#core/instance'
import { redisHealth } from '#core/redis_health'

const DATABASE_CHECK_TIMEOUT_MS = 2_000

async function checkDatabase() {
  const startedAt = performance.now()
  try {
    await Promise.race([
      db.rawQuery('SELECT 1'),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), DATABASE_CHECK_TIMEOUT_MS).unref()
      ),
    ])
    return { status: 'up' as const, latency_ms: Math.round(performance.now() - startedAt) }
  } catch (error) {
    return { status: 'down' as const, error: (error as Error).message }
  }
}

/**
 * Public health probe for load balancers: 200 while the database answers
 * (degraded when Redis does not: the API still serves from memory and the
 * database), 503 when the database does not. Says which instance answered.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const [database, redis] = await Promise.all([checkDatabase(), redisHealth()])
    const healthy = database.status === 'up'
    const degraded = healthy && redis.status === 'down'
    return response.status(healthy ? 200 : 503).json({
      status: !healthy ? 'unhealthy' : degraded ? 'degraded' : 'healthy',
      message: !healthy ? 'Database unavailable' : degraded ? 'API is running without its shared cache (Redis down)' : 'API is running',
      instance: instanceId,
      checks: { database, redis },
    })
  }
}
