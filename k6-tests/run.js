/*
 * k6 entry point for every scenario in scenarios.js (the same file
 * `make bench` drives with autocannon on machines without k6):
 *
 *   k6 run -e SCENARIO=read-mix -e TARGET=http://127.0.0.1:8080 -e API_TOKEN=cpt_… k6-tests/run.js
 *
 * Selling scenarios need open registers and stock. `make bench` prepares them itself; with
 * k6, run `node scripts/ace.mjs bench:prepare` first for make start's database (make lb has
 * its own under .data/lb/: scripts/bench/environment.mjs shows how it is prepared there).
 * `stages` become k6 stages (a ramp of virtual users); a `flow` runs in order once per
 * iteration. The failover scenario's disruption is the autocannon runner's: with k6, kill
 * an API instance by hand while it runs.
 */
import http from 'k6/http'
import { check, sleep } from 'k6'
import { scenarios } from './scenarios.js'

const name = __ENV.SCENARIO || 'read-mix'
const scenario = scenarios[name]
if (!scenario) throw new Error(`Unknown scenario ${name}`)
// The web scenarios load the web app (and sign in through its login form first): make bench runs them.
if (scenario.target === 'web') throw new Error(`SCENARIO=${name} runs with \`make bench SCENARIO=${name}\` (it loads the web app, signing in through its form first)`)
const target = __ENV.TARGET || 'http://127.0.0.1:3333'
const token = __ENV.API_TOKEN

const load = scenario.stages && !__ENV.VUS
  ? { stages: scenario.stages.map((stage) => ({ duration: `${stage.durationSeconds}s`, target: stage.connections })) }
  : { vus: Number(__ENV.VUS || scenario.connections), duration: `${__ENV.DURATION || scenario.durationSeconds}s` }

export const options = {
  ...load,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: [`p(95)<${__ENV.P95_MS || 50}`],
  },
}

const authorized = { headers: { 'x-api-token': token } }

function get(path) {
  return http.get(`${target}${path}`, authorized).json()
}

/** Sales are refused at a register without an open session: selling scenarios use the open ones. */
function isOpen(register) {
  return http.get(`${target}/api/v1/registers/${register.id}/sessions/current?rapport=false`, authorized).status === 200
}

/** The catalogue and the registers, read once before the load starts. */
export function setup() {
  if (!token) throw new Error('Set API_TOKEN (see .data/dev-credentials.json)')
  const products = get('/api/v1/products?size=100').items.filter((p) => p.actif).map((p) => ({ id: p.id, code: p.code, nom: p.nom }))
  const stores = get('/api/v1/stores?size=100').items.map((store) => ({ id: store.id }))
  const registers = []
  for (const store of get('/api/v1/stores?size=100').items) {
    for (const register of get(`/api/v1/stores/${store.id}/registers?size=100`).items) {
      if (register.actif) registers.push({ id: register.id, storeId: store.id })
    }
  }
  if (scenario.needsOpenRegisters) {
    const open = registers.filter(isOpen)
    if (open.length === 0) throw new Error('No register is open: run `node scripts/ace.mjs bench:prepare` first (see k6-tests/README.md)')
    registers.splice(0, registers.length, ...open)
  }
  return { token, products, stores, registers, runId: `${Date.now()}` }
}

const totalWeight = (scenario.routes ?? []).reduce((sum, route) => sum + route.weight, 0)

function pickRoute() {
  let roll = Math.random() * totalWeight
  for (const route of scenario.routes) {
    roll -= route.weight
    if (roll <= 0) return route
  }
  return scenario.routes[scenario.routes.length - 1]
}

/** One request; `state` is this iteration's (a flow's steps share it). */
function send(route, env, state, n) {
  const path = route.pathFor ? route.pathFor(n, env, state) : typeof route.path === 'function' ? route.path(env) : route.path
  if (path === null) return
  const headers = { 'x-api-token': env.token, ...(route.headers ? route.headers(n, env, state) : {}) }
  const params = { headers, tags: { route: route.name } }
  let response
  if (route.body) {
    headers['content-type'] = 'application/json'
    response = http.request(route.method, `${target}${path}`, JSON.stringify(route.body(n, env, state)), params)
  } else {
    response = http.request(route.method, `${target}${path}`, null, params)
  }
  check(response, {
    'status is 2xx': (r) => r.status >= 200 && r.status < 300,
    'has X-Instance-Id': (r) => Boolean(r.headers['X-Instance-Id']),
  })
  if (route.onResponse) {
    let json = null
    try {
      json = response.json()
    } catch (_) {}
    route.onResponse(response.status, json, state)
  }
}

const between = (min, max) => min + Math.random() * (max - min)

export default function (env) {
  const state = {}
  const n = __VU * 1_000_000 + __ITER * 100
  if (scenario.flow) scenario.flow.forEach((route, step) => send(route, env, state, n + step))
  else send(pickRoute(), env, state, n)
  // Paced scenarios (users-300): the user thinks, as in the original's medium test.
  const pause = scenario.thinkTime
  if (!pause) return
  if (Math.random() < pause.secondRequestChance) {
    sleep(pause.secondRequestAfterSeconds)
    send(pickRoute(), env, state, n + 1)
  }
  sleep(between(pause.minSeconds, pause.maxSeconds))
}
