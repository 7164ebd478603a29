import client from 'prom-client'
import { instanceId } from '#core/instance'

/*
 * Prometheus metrics of this API instance. Every series carries the
 * instance label so dashboards can split traffic per instance; routes are
 * labelled with their pattern (/api/v1/products/:id), never the raw URL.
 */
export const registry = new client.Registry()
registry.setDefaultLabels({ instance: instanceId })
client.collectDefaultMetrics({ register: registry })

export const httpRequestsTotal = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const httpRequestDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

export const salesTotal = new client.Counter({
  name: 'comptoir_sales_total',
  help: 'Sales recorded, by store',
  labelNames: ['store'] as const,
  registers: [registry],
})

export const salesAmountCents = new client.Counter({
  name: 'comptoir_sales_amount_cents_total',
  help: 'Total amount of recorded sales (taxes included), in cents, by store',
  labelNames: ['store'] as const,
  registers: [registry],
})

export const returnsTotal = new client.Counter({
  name: 'comptoir_returns_total',
  help: 'Returns recorded, by store',
  labelNames: ['store'] as const,
  registers: [registry],
})

export const refundsAmountCents = new client.Counter({
  name: 'comptoir_refunds_amount_cents_total',
  help: 'Total refunded (taxes included), in cents, by store',
  labelNames: ['store'] as const,
  registers: [registry],
})

export const stockAlertsTotal = new client.Counter({
  name: 'comptoir_stock_alerts_total',
  help: 'Stock levels that crossed their reorder point downwards, by location',
  labelNames: ['location'] as const,
  registers: [registry],
})

export const replenishmentTransitionsTotal = new client.Counter({
  name: 'comptoir_replenishment_transitions_total',
  help: 'Replenishment request transitions, by action (request, approve, ship, receive, reject, cancel)',
  labelNames: ['action'] as const,
  registers: [registry],
})

export const registerSessionsTotal = new client.Counter({
  name: 'comptoir_register_sessions_total',
  help: 'Register sessions opened and closed',
  labelNames: ['action'] as const,
  registers: [registry],
})

export const cacheOperationsTotal = new client.Counter({
  name: 'cache_operations_total',
  help: 'Cache lookups by result (hit, miss) and the layer that answered (l1 memory, l2 redis)',
  labelNames: ['result', 'layer'] as const,
  registers: [registry],
})

export const answersFromMemoTotal = new client.Counter({
  name: 'http_answers_from_memo_total',
  help: 'Repeated reads answered from the answer memo before routing, by route pattern (also in http_requests_total)',
  labelNames: ['route'] as const,
  registers: [registry],
})

/** The actions comptoir_replenishment_transitions_total and comptoir_register_sessions_total count. */
export const REPLENISHMENT_METRIC_ACTIONS = ['request', 'approve', 'ship', 'receive', 'reject', 'cancel'] as const
export const REGISTER_SESSION_METRIC_ACTIONS = ['open', 'close'] as const

/*
 * Counters whose labels are a closed list exist at 0 from the start. A series that appears with
 * its first event is born at 1, and Prometheus's increase() and rate() need two samples: each
 * instance's first request, approval, rejection… was never counted, which skewed the
 * ReplenishmentBacklog alert (requests minus decisions) by up to one per action and instance.
 * Stores and locations are open lists: see initialiseStoreSeries below.
 */
export function initialiseKnownSeries() {
  for (const action of REPLENISHMENT_METRIC_ACTIONS) replenishmentTransitionsTotal.inc({ action }, 0)
  for (const action of REGISTER_SESSION_METRIC_ACTIONS) registerSessionsTotal.inc({ action }, 0)
}
initialiseKnownSeries()

/**
 * The same for the open lists: the sales, returns and amounts of each store given, and the stock
 * alerts of each location, exist at 0 (adding 0 leaves a series that already counts untouched).
 * Called with the stores and locations in the database on every scrape (#core/known_store_series),
 * so a store's first sale on an instance, even a store created since the instance started, moves
 * a series Prometheus has already seen at 0 instead of creating it at 1 (lost by increase()).
 */
export function initialiseStoreSeries(storeIds: Iterable<number>, locationIds: Iterable<number>) {
  for (const id of storeIds) {
    const labels = { store: String(id) }
    for (const counter of [salesTotal, salesAmountCents, returnsTotal, refundsAmountCents]) counter.inc(labels, 0)
  }
  for (const id of locationIds) stockAlertsTotal.inc({ location: String(id) }, 0)
}
