// @ts-check
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

import { routeLabelOf } from './route-label.js'

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
   * Records every response, labelled with its route pattern (routeLabelOf).
   * @type {import('express').RequestHandler}
   */
  const recordRequests = (req, res, next) => {
    const stopTimer = requestDuration.startTimer()
    res.on('close', () => {
      const labels = {
        method: req.method,
        route: routeLabelOf(req, res),
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
