// @ts-check
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * @param {{ instance: string }} options
 */
export function createMetrics({ instance }) {
  const registry = new Registry()
  registry.setDefaultLabels({ instance })
  collectDefaultMetrics({ register: registry })

  const requestsTotal = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests handled by the web server',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  })
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })

  /**
   * Records every response. The route label comes from, in order: the Express
   * route that matched, the Remix route pattern set by the Remix label
   * middleware, or "static" for files served before any route.
   * @type {import('express').RequestHandler}
   */
  const recordRequests = (req, res, next) => {
    const stopTimer = requestDuration.startTimer()
    res.on('close', () => {
      const labels = {
        method: req.method,
        route: res.locals.routeLabel ?? req.route?.path ?? 'static',
        status: String(res.statusCode),
      }
      requestsTotal.inc(labels)
      stopTimer(labels)
    })
    next()
  }

  /** @type {import('express').RequestHandler} */
  const exposeMetrics = async (_req, res, next) => {
    try {
      res.setHeader('Content-Type', registry.contentType)
      res.send(await registry.metrics())
    } catch (error) {
      next(error)
    }
  }

  return { registry, recordRequests, exposeMetrics }
}
