import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { instanceId } from '#core/instance'

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
 * Public health probe for load balancers: 200 while the database answers,
 * 503 when it does not. Says which instance answered.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const database = await checkDatabase()
    const healthy = database.status === 'up'
    return response.status(healthy ? 200 : 503).json({
      status: healthy ? 'healthy' : 'unhealthy',
      message: healthy ? 'API is running' : 'Database unavailable',
      instance: instanceId,
      checks: { database },
    })
  }
}
