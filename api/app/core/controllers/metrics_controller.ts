import type { HttpContext } from '@adonisjs/core/http'
import { registry } from '#core/metrics'
import '#core/db_pool_metrics'
import { initialiseSeriesOfKnownStores } from '#core/known_store_series'

/** Prometheus text exposition of this instance (scraped per instance, not through the LB). */
export default class MetricsController {
  async show({ response }: HttpContext) {
    await initialiseSeriesOfKnownStores()
    const body = await registry.metrics()
    return response.header('content-type', registry.contentType).send(body)
  }
}
