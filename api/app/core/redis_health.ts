import env from '#start/env'

/**
 * Redis is optional: 'not_configured' without REDIS_URL, else whether it
 * answers a PING within half a second (a down Redis degrades, never fails).
 */
export async function redisHealth(): Promise<{ status: 'up' | 'down' | 'not_configured'; latency_ms?: number; error?: string }> {
  if (!env.get('REDIS_URL')) return { status: 'not_configured' }
  const { default: redis } = await import('@adonisjs/redis/services/main')
  const startedAt = performance.now()
  try {
    const connection = redis.connection('main')
    // lazyConnect: the first health check opens the connection.
    if (connection.status === 'wait') await connection.ioConnection.connect().catch(() => {})
    await Promise.race([
      connection.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 500).unref()),
    ])
    return { status: 'up', latency_ms: Math.round(performance.now() - startedAt) }
  } catch (error) {
    return { status: 'down', error: (error as Error).message }
  }
}
