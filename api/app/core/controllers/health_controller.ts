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

/*
 * Load balancers, Prometheus and load tests poll this many times a second:
 * concurrent probes share one check, and a result is reused for a second,
 * so the probe costs the database at most one query a second per instance.
 */
const REUSE_FOR_MS = 1_000
let last: { at: number; checks: Promise<Checks> } | undefined

type Checks = { database: Awaited<ReturnType<typeof checkDatabase>>; redis: Awaited<ReturnType<typeof redisHealth>> }

function currentChecks(): Promise<Checks> {
  const now = performance.now()
  if (!last || now - last.at >= REUSE_FOR_MS) {
    last = { at: now, checks: Promise.all([checkDatabase(), redisHealth()]).then(([database, redis]) => ({ database, redis })) }
  }
  return last.checks
}

/**
 * Public health probe for load balancers: 200 while the database answers
 * (degraded when Redis does not: the API still serves from memory and the
 * database), 503 when the database does not. Says which instance answered.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const { database, redis } = await currentChecks()
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
