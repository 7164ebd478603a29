/*
 * A manager's reports: the head-office summaries and the per-store views, with the period
 * and store filters the web app's report pages send. Store and dates vary per request, so
 * the cache sees the spread of keys it meets in real use, not one hot entry.
 */

const DAY_MS = 86_400_000

/** YYYY-MM-DD, `daysAgo` days before today (UTC: the API accepts any valid calendar date). */
function day(daysAgo) {
  return new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10)
}

const store = (n, env) => env.stores[n % env.stores.length].id
/** Last 7, 30 or 90 days, in turn. */
const periodDays = (n) => [7, 30, 90][n % 3]

const route = (name, weight, pathFor) => ({ name, method: 'GET', weight, pathFor })

export const reports = {
  description: 'Manager reports: KPIs, sales, payments by tender, sales by period, top products, trends and store performance, filtered by period and store',
  connections: 10,
  durationSeconds: 20,
  routes: [
    route('GET /api/v1/reports/kpis', 20, (n, env) => `/api/v1/reports/kpis?date_debut=${day(periodDays(n))}&date_fin=${day(0)}&magasin_id=${store(n, env)}`),
    route('GET /api/v1/reports/sales', 15, (n, env) => `/api/v1/reports/sales?date_debut=${day(periodDays(n))}&date_fin=${day(0)}&magasin_id=${store(n, env)}`),
    route('GET /api/v1/reports/payments-by-tender', 10, (n, env) => `/api/v1/reports/payments-by-tender?date_debut=${day(periodDays(n))}&date_fin=${day(0)}&magasin_id=${store(n, env)}`),
    route('GET /api/v1/reports/sales-by-period', 15, (n, env) => `/api/v1/reports/sales-by-period?period=${['daily', 'weekly', 'monthly'][n % 3]}&store_id=${store(n, env)}`),
    route('GET /api/v1/reports/top-products', 15, (n, env) => `/api/v1/reports/top-products?limit=10&store_id=${store(n, env)}`),
    route('GET /api/v1/reports/revenue-trends', 10, (n, env) => `/api/v1/reports/revenue-trends?months_back=6&store_id=${store(n, env)}`),
    route('GET /api/v1/reports/store-performances', 15, () => '/api/v1/reports/store-performances'),
    route('GET /api/v1/reports/global-summary', 10, (n, env) => `/api/v1/reports/global-summary?store_id=${store(n, env)}`),
  ],
}
