import router from '@adonisjs/core/services/router'
import { documented } from '#core/openapi/registry'
import { middleware } from '#start/kernel'
import { clearCacheQuery } from '#core/controllers/cache_controller'

const HealthController = () => import('#core/controllers/health_controller')
const ErrorCodesController = () => import('#core/controllers/error_codes_controller')
const DocsController = () => import('#core/controllers/docs_controller')
const MetricsController = () => import('#core/controllers/metrics_controller')
const CacheController = () => import('#core/controllers/cache_controller')

documented(router.get('/health', [HealthController, 'show']), {
  summary: 'Health of this instance (database check included)',
  tags: ['Operations'],
  auth: 'public',
  responses: {
    200: { description: 'Healthy', schema: 'Health' },
    503: { description: 'The database does not answer', schema: 'Health' },
  },
})

documented(router.get('/api/v1/errors', [ErrorCodesController, 'index']), {
  summary: 'Catalogue of error codes and the error envelope',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'Error codes', schema: { type: 'object' } } },
})

documented(router.get('/api/v1/openapi.json', [DocsController, 'openapi']), {
  summary: 'This OpenAPI document',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
})

documented(router.get('/docs', [DocsController, 'page']), {
  summary: 'Interactive documentation (Swagger UI)',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'HTML page', contentType: 'text/html', schema: { type: 'string' } } },
})

documented(router.get('/docs/assets/:file', [DocsController, 'asset']), {
  summary: 'Static files of the documentation page',
  tags: ['Operations'],
  auth: 'public',
  responses: {
    200: { description: 'A stylesheet, script or image' },
    404: { description: 'Unknown asset', schema: 'ErrorEnvelope' },
  },
})

documented(router.get('/metrics', [MetricsController, 'show']), {
  summary: 'Prometheus metrics of this instance',
  description: 'Scraped by Prometheus on each instance; the load balancer does not expose it.',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain', schema: { type: 'string' } } },
})

const cacheStats = {
  type: 'object',
  properties: {
    enabled: { type: 'boolean' },
    store: { type: 'string' },
    instance: { type: 'string' },
    hits: { type: 'integer' },
    misses: { type: 'integer' },
    hit_ratio: { type: 'number' },
    keys: { type: 'integer', description: 'Entries this instance wrote' },
    layers: { type: 'object' },
  },
}
const cacheCleared = {
  type: 'object',
  properties: { message: { type: 'string' }, cleared_count: { type: 'integer' } },
}

router
  .group(() => {
    documented(router.get('/cache/stats', [CacheController, 'stats']), {
      summary: 'Cache statistics of the instance that answers (hits and misses per layer)',
      tags: ['Operations'],
      auth: ['read'],
      responses: { 200: { description: 'Statistics', schema: cacheStats } },
    }).use(middleware.auth({ scopes: ['read'] }))
    for (const method of ['post', 'delete'] as const) {
      documented(router[method]('/cache/clear', [CacheController, 'clear']), {
        summary: 'Invalidate the cache on every instance (all, a namespace pattern, or a tag)',
        description: "pattern: '*' (default), 'products*', 'categories*', 'stores*', 'reports*'; or tag: catalog, stores, reports.",
        tags: ['Operations'],
        auth: ['admin'],
        query: clearCacheQuery,
        responses: { 200: { description: 'Invalidated', schema: cacheCleared } },
      })
        .use(middleware.auth({ scopes: ['admin'] }))
        .as(`cache.clear.${method}`)
    }
  })
  .prefix('/api/v1')
