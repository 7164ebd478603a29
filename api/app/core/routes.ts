import router from '@adonisjs/core/services/router'
import { documented } from '#core/openapi/registry'
import { registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { errorResponse, validationError } from '#core/openapi/errors'
import { operationsSchemas } from '#core/openapi/operations_schemas'
import { operationsExamples, unhealthyExample } from '#core/openapi/operations_examples'
import { ApiError } from '#core/api_error'
import { middleware } from '#start/kernel'
import { clearCacheQuery } from '#core/controllers/cache_controller'

const HealthController = () => import('#core/controllers/health_controller')
const ErrorCodesController = () => import('#core/controllers/error_codes_controller')
const DocsController = () => import('#core/controllers/docs_controller')
const MetricsController = () => import('#core/controllers/metrics_controller')
const CacheController = () => import('#core/controllers/cache_controller')

registerSchemas(operationsSchemas)
registerExamples(operationsExamples)

documented(router.get('/health', [HealthController, 'show']), {
  summary: 'Health of this instance (database check included)',
  tags: ['Operations'],
  auth: 'public',
  responses: {
    200: { description: 'Healthy', schema: 'Health' },
    503: { description: 'The database does not answer', schema: 'Health', example: unhealthyExample },
  },
})

documented(router.get('/api/v1/errors', [ErrorCodesController, 'index']), {
  summary: 'Catalogue of error codes and the error envelope',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'Error codes', schema: 'ErrorCatalogue' } },
})

documented(router.get('/api/v1/openapi.json', [DocsController, 'openapi']), {
  summary: 'This OpenAPI document',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: 'OpenApiDocument' } },
})

documented(router.get('/docs', [DocsController, 'page']), {
  summary: 'Interactive documentation (Swagger UI)',
  tags: ['Operations'],
  auth: 'public',
  responses: { 200: { description: 'HTML page', contentType: 'text/html', schema: { type: 'string' }, example: '<!doctype html>…' } },
})

documented(router.get('/docs/assets/:file', [DocsController, 'asset']), {
  summary: 'Static files of the documentation page',
  tags: ['Operations'],
  auth: 'public',
  responses: {
    200: {
      description: 'A stylesheet, script or image of swagger-ui-dist',
      contentType: 'text/css',
      schema: { type: 'string' },
      alternatives: [
        { contentType: 'application/javascript', schema: { type: 'string' } },
        { contentType: 'image/png', schema: { type: 'string', contentMediaType: 'image/png' } },
      ],
    },
    404: errorResponse('Unknown asset', ApiError.notFound('Documentation asset', 'swagger-ui.css.map')),
  },
})

documented(router.get('/metrics', [MetricsController, 'show']), {
  summary: 'Prometheus metrics of this instance',
  description: 'Scraped by Prometheus on each instance; the load balancer does not expose it.',
  tags: ['Operations'],
  auth: 'public',
  responses: {
    200: {
      description: 'Prometheus text format',
      contentType: 'text/plain',
      schema: { type: 'string' },
      example: '# HELP http_requests_total HTTP requests answered, by method, route pattern and status\n# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/api/v1/products",status="200",instance="api-1:3341"} 42\n',
    },
  },
})

router
  .group(() => {
    documented(router.get('/cache/stats', [CacheController, 'stats']), {
      summary: 'Cache statistics of the instance that answers (hits and misses per layer)',
      tags: ['Operations'],
      auth: ['read'],
      responses: { 200: { description: 'Statistics', schema: 'CacheStats' } },
    }).use(middleware.auth({ scopes: ['read'] }))
    for (const method of ['post', 'delete'] as const) {
      documented(router[method]('/cache/clear', [CacheController, 'clear']), {
        summary: 'Invalidate the cache on every instance (all, a namespace pattern, or a tag)',
        description: "pattern: '*' (default), 'products*', 'categories*', 'stores*', 'reports*'; or tag: catalog, stores, reports.",
        tags: ['Operations'],
        auth: ['admin'],
        query: clearCacheQuery,
        responses: {
          200: { description: 'Invalidated', schema: 'CacheCleared' },
          422: errorResponse(
            'Invalid query value, or a pattern that is not a namespace',
            validationError('tag', 'The selected tag is invalid', 'enum'),
            ApiError.business("Unsupported pattern 'clients*'", { supported_patterns: ['*', 'products*', 'categories*', 'stores*', 'reports*'] })
          ),
        },
      })
        .use(middleware.auth({ scopes: ['admin'] }))
        .as(`cache.clear.${method}`)
    }
  })
  .prefix('/api/v1')
