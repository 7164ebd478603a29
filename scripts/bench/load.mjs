/*
 * Drives one scenario with autocannon (closed loop: every connection sends
 * its next request as soon as the previous one is answered) and keeps
 * per-route latency histograms (autocannon itself only reports the aggregate).
 */
import autocannon from 'autocannon'
import { basePath, parseJson, progress, requestFor, routeStats, trackInstances } from './stats.mjs'

/** A repeating sequence of routes whose frequencies follow their weights. */
function weightedSequence(routes) {
  const total = routes.reduce((sum, r) => sum + r.weight, 0)
  const length = Math.min(100, Math.max(total, routes.length))
  const sequence = []
  const credit = routes.map(() => 0)
  for (let i = 0; i < length; i++) {
    routes.forEach((route, index) => (credit[index] += route.weight / total))
    const best = credit.indexOf(Math.max(...credit))
    credit[best] -= 1
    sequence.push(routes[best])
  }
  return sequence
}

export async function runLoad({ target, scenario, env, connections, duration, disruption = null }) {
  // A `flow` runs in order on every connection; weighted `routes` are spread evenly.
  const steps = scenario.flow ?? weightedSequence(scenario.routes)
  const stats = routeStats(steps.map((route) => route.name))
  const instances = trackInstances(disruption)
  let counter = 0
  const requests = steps.map((route) => ({
    name: route.name,
    method: route.method,
    path: basePath(route, env),
    // `context` is autocannon's per-connection object, emptied at each pass of the sequence.
    setupRequest: (request, context) => {
      const made = requestFor(route, counter++, env, context, request.path)
      return made && { ...request, ...made }
    },
    onResponse: (status, body, context, headers) => {
      instances.record(headers)
      if (route.onResponse) route.onResponse(status, parseJson(body), context)
    },
  }))

  const instance = autocannon({ url: target, connections, duration, requests })
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    stats.record(client.requestIterator?.currentRequest?.name, statusCode, responseTime)
  })
  instance.on('tick', progress(stats.answered))
  // What failed, and when (seconds into the run): a failover report must say which requests were lost.
  const startedAt = Date.now()
  const failures = []
  instance.on('reqError', (error) => {
    if (failures.length < 20) failures.push({ atSeconds: Number(((Date.now() - startedAt) / 1000).toFixed(2)), error: error.message ?? String(error) })
  })
  const disrupted = disruption ? setTimeout(() => disruption.run().then(instances.markDisruption), disruption.atSeconds * 1000) : null
  const result = await instance
  clearTimeout(disrupted)

  return {
    routes: stats.routes(duration),
    instances: instances.summary(),
    total: {
      requests: result.requests.total,
      rps: result.requests.total / duration,
      // autocannon's own percentiles are whole milliseconds: ours have microseconds, like the routes'.
      p50: stats.overall(50),
      p95: stats.overall(95),
      p99: stats.overall(99),
      // autocannon counts a timeout among its errors already.
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    },
    ...(failures.length > 0 ? { failures } : {}),
  }
}
