/* Per-route latency histograms and status counts, shared by the closed-loop and the paced runners. */
import hdr from 'hdr-histogram-js'

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 })

export function routeStats(names) {
  const stats = new Map()
  for (const name of names) {
    if (!stats.has(name)) stats.set(name, { histogram: histogram(), count: 0, non2xx: 0, statuses: {} })
  }
  return {
    /** One answer: its status and its latency in milliseconds. */
    record(name, statusCode, latencyMs) {
      const route = stats.get(name)
      if (!route) return
      route.count += 1
      route.histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)))
      route.statuses[statusCode] = (route.statuses[statusCode] ?? 0) + 1
      if (statusCode < 200 || statusCode >= 300) route.non2xx += 1
    },
    answered: () => [...stats.values()].reduce((sum, s) => sum + s.count, 0),
    routes: (duration) =>
      [...stats.entries()].map(([name, s]) => ({
        name,
        requests: s.count,
        rps: s.count / duration,
        p50: s.histogram.getValueAtPercentile(50) / 1000,
        p95: s.histogram.getValueAtPercentile(95) / 1000,
        p99: s.histogram.getValueAtPercentile(99) / 1000,
        non2xx: s.non2xx,
        statuses: s.statuses,
      })),
    /** A percentile over every route together. */
    overall(percentile) {
      const all = histogram()
      for (const s of stats.values()) all.add(s.histogram)
      return all.getValueAtPercentile(percentile) / 1000
    },
  }
}

/** Answers per X-Instance-Id: overall, and before/after the disruption when there is one. */
export function trackInstances(disruption) {
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

/** Prints how many answers came back, every 5 s, on long runs. */
export function progress(answered) {
  let last = 0
  return () => {
    const now = Date.now()
    if (now - last < 5000) return
    last = now
    process.stderr.write(`[bench] ${answered()} requests so far...\n`)
  }
}

/** The request a route makes for the n-th step of one connection or user (null: skip this step). */
export function requestFor(route, n, env, context, defaultPath) {
  const path = route.pathFor ? route.pathFor(n, env, context) : defaultPath
  if (path === null) return null
  // The API token by default; the web scenario sends its session cookie instead (env.headers).
  const headers = { ...(env.headers ?? { 'x-api-token': env.token }), ...(route.headers ? route.headers(n, env, context) : {}) }
  if (!route.body) return { path, headers }
  headers['content-type'] = 'application/json'
  return { path, headers, body: JSON.stringify(route.body(n, env, context)) }
}

/** A route's fixed path, which may depend on the environment (an existing store or register id). */
export const basePath = (route, env) => (typeof route.path === 'function' ? route.path(env) : (route.path ?? '/'))

export function parseJson(body) {
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}
