import { errorCatalogue } from '#core/error_codes'

/* Examples of the operational responses, under their component schema names. */

const healthy = {
  status: 'healthy',
  message: 'API is running',
  instance: 'api-1:3341',
  checks: { database: { status: 'up', latency_ms: 2 }, redis: { status: 'up', latency_ms: 1 } },
}

export const operationsExamples: Record<string, unknown> = {
  Health: healthy,
  ErrorCatalogue: errorCatalogue,
  OpenApiDocument: {
    openapi: '3.1.0',
    info: { title: 'Comptoir API', version: '1.0.0', description: 'Multi-store point of sale and inventory.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { ApiToken: { type: 'apiKey', in: 'header', name: 'X-API-Token' }, BearerToken: { type: 'http', scheme: 'bearer' } },
      schemas: { Money: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$' } },
    },
    paths: {
      '/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Health of this instance (database check included)',
          tags: ['Operations'],
          security: [],
          parameters: [],
          responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
    },
  },
  CacheStats: {
    enabled: true,
    store: 'memoire+redis',
    instance: 'api-1:3341',
    hits: 1840,
    misses: 215,
    hit_ratio: 0.8954,
    keys: 212,
    layers: { l1: { type: 'memory', hits: 1702 }, l2: { type: 'redis', hits: 138, status: 'up' } },
  },
  CacheCleared: { message: "Cleared 212 keys matching pattern '*'", cleared_count: 212 },
}

/** /health when the database does not answer (503). */
export const unhealthyExample = {
  status: 'unhealthy',
  message: 'Database unavailable',
  instance: 'api-1:3341',
  checks: { database: { status: 'down', error: 'timeout' }, redis: { status: 'up', latency_ms: 1 } },
}
