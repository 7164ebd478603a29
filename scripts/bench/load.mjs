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

export async function runLoad({ target, scenario, env, connections, duration, disruption = null }) {
  // A `flow` runs in order on every connection; weighted `routes` are spread evenly.
  const steps = scenario.flow ?? weightedSequence(scenario.routes)
  const stats = new Map()
  for (const route of steps) {
    if (stats.has(route.name)) continue
    stats.set(route.name, {
      histogram: hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 }),
      count: 0,
      non2xx: 0,
      statuses: {},
    })
  }
  const instances = trackInstances(disruption)
  let counter = 0
  const requests = steps.map((route) => ({
    name: route.name,
    method: route.method,
    // A path may depend on the environment (an existing store or register id).
    path: typeof route.path === 'function' ? route.path(env) : (route.path ?? '/'),
    // `context` is autocannon's per-connection object, emptied at each pass of the sequence.
    setupRequest: (request, context) => {
      const n = counter++
      const path = route.pathFor ? route.pathFor(n, env, context) : request.path
      if (path === null) return null
      // The API token by default; the web scenario sends its session cookie instead (env.headers).
      const headers = { ...(env.headers ?? { 'x-api-token': env.token }), ...(route.headers ? route.headers(n, env, context) : {}) }
      if (route.body) {
        headers['content-type'] = 'application/json'
        return { ...request, path, headers, body: JSON.stringify(route.body(n, env, context)) }
      }
      return { ...request, path, headers }
    },
    onResponse: (status, body, context, headers) => {
      instances.record(headers)
      if (route.onResponse) route.onResponse(status, parseJson(body), context)
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
  const disrupted = disruption ? setTimeout(() => disruption.run().then(instances.markDisruption), disruption.atSeconds * 1000) : null
  const result = await instance
  clearTimeout(disrupted)

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
    instances: instances.summary(),
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

function parseJson(body) {
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}

/** Answers per X-Instance-Id: overall, and before/after the disruption when there is one. */
function trackInstances(disruption) {
  const overall = {}
  const phases = { before: {}, after: {} }
  // In-flight answers of a killed instance may still arrive just after the kill.
  const GRACE_MS = 500
  let after = null
  let event = null
  return {
    record(headers) {
      const key = Object.keys(headers).find((name) => name.toLowerCase() === 'x-instance-id')
      const id = key ? String(headers[key]) : 'none'
      overall[id] = (overall[id] ?? 0) + 1
      if (!disruption) return
      const phase = after === null ? phases.before : Date.now() >= after ? phases.after : null
      if (phase) phase[id] = (phase[id] ?? 0) + 1
    },
    markDisruption(description) {
      event = description
      after = Date.now() + GRACE_MS
    },
    summary: () => (disruption ? { overall, disruption: event, beforeDisruption: phases.before, afterDisruption: phases.after } : { overall }),
  }
}
