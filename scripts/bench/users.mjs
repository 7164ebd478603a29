/*
 * Paced virtual users, as the original's k6 scripts ran them: each user
 * sends a request, waits for the answer, then thinks (scenario.thinkTime)
 * before the next one. The load offered is set by the number of users and
 * their pauses, not by how fast the server answers (unlike runLoad, where
 * every connection fires again at once).
 */
import http from 'node:http'
import { basePath, parseJson, progress, requestFor, routeStats, trackInstances } from './stats.mjs'

const REQUEST_TIMEOUT_MS = 10_000
const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))
const uniform = (min, max) => min + Math.random() * (max - min)

/** Picks routes at random, in proportion to their weights (k6 scripts draw the same way). */
function weightedPicker(routes) {
  const total = routes.reduce((sum, route) => sum + route.weight, 0)
  return () => {
    let draw = Math.random() * total
    for (const route of routes) {
      draw -= route.weight
      if (draw < 0) return route
    }
    return routes[routes.length - 1]
  }
}

export async function runUsers({ target, scenario, env, connections: users, duration }) {
  const { thinkTime } = scenario
  const pick = weightedPicker(scenario.routes)
  const stats = routeStats(scenario.routes.map((route) => route.name))
  const instances = trackInstances(null)
  const agent = new http.Agent({ keepAlive: true, maxSockets: users })
  const origin = new URL(target)
  const deadline = Date.now() + duration * 1000
  const failures = { errors: 0, timeouts: 0 }
  let counter = 0
  let sent = 0

  function send(route, context) {
    const made = requestFor(route, counter++, env, context, basePath(route, env))
    if (!made) return Promise.resolve()
    sent += 1
    return new Promise((resolve) => {
      const startedAt = performance.now()
      let timedOut = false
      const request = http.request(
        { agent, host: origin.hostname, port: origin.port, method: route.method, path: made.path, headers: made.headers, timeout: REQUEST_TIMEOUT_MS },
        (response) => {
          const chunks = []
          response.on('data', (chunk) => chunks.push(chunk))
          response.on('end', () => {
            stats.record(route.name, response.statusCode, performance.now() - startedAt)
            instances.record(response.headers)
            if (route.onResponse) route.onResponse(response.statusCode, parseJson(Buffer.concat(chunks).toString()), context)
            resolve()
          })
        }
      )
      request.on('timeout', () => {
        timedOut = true
        failures.timeouts += 1
        request.destroy()
      })
      request.on('error', () => {
        if (!timedOut) failures.errors += 1
        resolve()
      })
      request.end(made.body)
    })
  }

  async function user() {
    // Users arrive over the first pause rather than all in the same millisecond.
    await sleep(uniform(0, thinkTime.maxSeconds))
    const context = {}
    while (Date.now() < deadline) {
      await send(pick(), context)
      if (Math.random() < thinkTime.secondRequestChance) {
        await sleep(thinkTime.secondRequestAfterSeconds)
        if (Date.now() < deadline) await send(pick(), context)
      }
      await sleep(uniform(thinkTime.minSeconds, thinkTime.maxSeconds))
    }
  }

  const ticker = setInterval(progress(stats.answered), 1000)
  await Promise.all(Array.from({ length: users }, user))
  clearInterval(ticker)
  agent.destroy()

  const answered = stats.answered()
  return {
    routes: stats.routes(duration),
    instances: instances.summary(),
    paced: { users, thinkTime },
    total: {
      requests: answered,
      rps: answered / duration,
      p50: stats.overall(50),
      p95: stats.overall(95),
      p99: stats.overall(99),
      errors: failures.errors + failures.timeouts,
      non2xx: stats.routes(duration).reduce((sum, route) => sum + route.non2xx, 0),
      unanswered: sent - answered,
    },
  }
}
