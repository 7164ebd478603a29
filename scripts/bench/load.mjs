/*
 * Drives one scenario with autocannon and keeps per-route latency
 * histograms (autocannon itself only reports the aggregate).
 */
import autocannon from 'autocannon'
import hdr from 'hdr-histogram-js'

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

export async function runLoad({ target, scenario, env, connections, duration }) {
  const stats = new Map()
  for (const route of scenario.routes) {
    stats.set(route.name, {
      histogram: hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 }),
      count: 0,
      non2xx: 0,
      statuses: {},
    })
  }
  let counter = 0
  const requests = weightedSequence(scenario.routes).map((route) => ({
    name: route.name,
    method: route.method,
    path: route.path,
    setupRequest: (request) => {
      const n = counter++
      const headers = { 'x-api-token': env.token, ...(route.headers ? route.headers(n, env) : {}) }
      if (route.body) {
        headers['content-type'] = 'application/json'
        return { ...request, headers, body: JSON.stringify(route.body(n, env)) }
      }
      return { ...request, headers }
    },
  }))

  const instance = autocannon({ url: target, connections, duration, requests })
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    const name = client.requestIterator?.currentRequest?.name
    const route = stats.get(name)
    if (!route) return
    route.count += 1
    route.histogram.recordValue(Math.max(1, Math.round(responseTime * 1000)))
    route.statuses[statusCode] = (route.statuses[statusCode] ?? 0) + 1
    if (statusCode < 200 || statusCode >= 300) route.non2xx += 1
  })
  let lastPrint = 0
  instance.on('tick', () => {
    const now = Date.now()
    if (now - lastPrint < 5000) return
    lastPrint = now
    const done = [...stats.values()].reduce((sum, s) => sum + s.count, 0)
    process.stderr.write(`[bench] ${done} requests so far...\n`)
  })
  const result = await instance

  const routes = [...stats.entries()].map(([name, s]) => ({
    name,
    requests: s.count,
    rps: s.count / duration,
    p50: s.histogram.getValueAtPercentile(50) / 1000,
    p95: s.histogram.getValueAtPercentile(95) / 1000,
    p99: s.histogram.getValueAtPercentile(99) / 1000,
    non2xx: s.non2xx,
    statuses: s.statuses,
  }))
  return {
    routes,
    total: {
      requests: result.requests.total,
      rps: result.requests.total / duration,
      p50: result.latency.p50,
      p95: overallPercentile(stats, 95),
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    },
  }
}

/** p95 over every route together (autocannon's aggregate has no p95). */
function overallPercentile(stats, p) {
  const all = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 })
  for (const s of stats.values()) all.add(s.histogram)
  return all.getValueAtPercentile(p) / 1000
}
