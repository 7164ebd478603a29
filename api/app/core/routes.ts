import router from '@adonisjs/core/services/router'
import { documented } from '#core/openapi/registry'

const HealthController = () => import('#core/controllers/health_controller')
const ErrorCodesController = () => import('#core/controllers/error_codes_controller')
const DocsController = () => import('#core/controllers/docs_controller')
const MetricsController = () => import('#core/controllers/metrics_controller')

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
