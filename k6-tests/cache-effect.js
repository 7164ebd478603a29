/*
 * The cached read routes, for SCENARIO=cache-effect: the runner measures each
 * one alone against the API with its cache and against an API started with
 * CACHE_ENABLED=false on the same database, and reports the ratio.
 * Target: cached ≥ 5 × uncached rps.
 */
const get = (name, path) => ({ name, method: 'GET', path, weight: 1 })

export const cacheEffect = {
  description: 'Cached read routes, each alone, with the cache and with CACHE_ENABLED=false (same database)',
  connections: 10,
  durationSeconds: 10,
  // The runner needs a second, uncached API (TARGET_UNCACHED, or one it starts).
  compareWithoutCache: true,
  routes: [
    get('GET /api/v1/products/', '/api/v1/products/'),
    get('GET /api/v1/products/1', '/api/v1/products/1'),
    get('GET /api/v1/stores/', '/api/v1/stores/'),
    get('GET /api/v1/reports/global-summary', '/api/v1/reports/global-summary'),
    get('GET /api/v1/reports/top-products', '/api/v1/reports/top-products?limit=10'),
    get('GET /api/v1/reports/sales-by-period', '/api/v1/reports/sales-by-period?period=daily'),
  ],
}
