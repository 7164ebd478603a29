import type { HttpContext } from '@adonisjs/core/http'
import { registry } from '#core/metrics'
import '#core/db_pool_metrics'

/** Prometheus text exposition of this instance (scraped per instance, not through the LB). */
export default class MetricsController {
  async show({ response }: HttpContext) {
    const body = await registry.metrics()
    return response.header('content-type', registry.contentType).send(body)
  }
}
