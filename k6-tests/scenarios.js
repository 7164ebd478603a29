/*
 * Load scenarios, described once for both runners: k6 scripts in this
 * folder import them (for machines with k6), and `make bench` runs them
 * here with autocannon (scripts/bench.mjs). Paths are relative to the
 * target (one API instance, or nginx in front of several).
 *
 * A route: { name, method, path, weight, body?(n, env), headers?(n, env) }
 *   n   – a per-connection counter (to vary bodies and idempotency keys)
 *   env – { token, registers: [{ id, storeId }], products: [{ id, code, nom }], stores: [{ id }] }
 * and, for scenarios that need them:
 *   pathFor?(n, env, state)      – the path of each request (null: skip this step)
 *   onResponse?(status, json, state) – remembers what a later step needs (a sale to return)
 *   state – one connection's own object for one pass of a `flow` (k6: one VU iteration)
 * A scenario has weighted `routes`, or a `flow` run in order by every connection; `stages`
 * (connections per step of a ramp) and `disruption` (what the runner breaks mid-run) are optional.
 */
import { posDay } from './pos-day.js'
import { reports } from './reports.js'
import { cacheEffect } from './cache-effect.js'
import { web, webFloor, webUsers } from './web.js'

/** The original's k6 read mix (simple-stress-test.js weights). */
const readMix = [
  { name: 'GET /health', method: 'GET', path: '/health', weight: 10 },
  { name: 'GET /api/v1/products/', method: 'GET', path: '/api/v1/products/', weight: 30 },
  { name: 'GET /api/v1/products/1', method: 'GET', path: '/api/v1/products/1', weight: 20 },
  { name: 'GET /api/v1/products/2', method: 'GET', path: '/api/v1/products/2', weight: 15 },
  { name: 'GET /api/v1/stores/', method: 'GET', path: '/api/v1/stores/', weight: 15 },
  { name: 'GET /api/v1/reports/global-summary', method: 'GET', path: '/api/v1/reports/global-summary', weight: 10 },
]

/** The same routes with other weights (by route name). */
function reweighted(routes, weights) {
  return routes.map((route) => ({ ...route, weight: weights[route.name] }))
}

/** A 3-line sale paid in cash, at one of the open registers, with a fresh idempotency key. */
function checkoutBody(n, env) {
  const products = env.products
  const pick = (offset) => products[(n * 3 + offset) % products.length]
  return {
    caisse_id: env.registers[n % env.registers.length].id,
    lignes: [
      { produit_id: pick(0).id, quantite: 1 },
      { produit_id: pick(1).id, quantite: 2 },
      { produit_id: pick(2).id, quantite: 1 },
    ],
    // Generous cash: the server computes the total and hands back change.
    paiements: [{ mode: 'especes', montant: '100.00' }],
  }
}

export const scenarios = {
  'read-mix': {
    description: "The original's read mix (health, products, one product, stores, global summary)",
    connections: 10,
    durationSeconds: 20,
    routes: readMix,
  },
  checkout: {
    description: '3-line sales with payment, each with its own Idempotency-Key, over every open register',
    connections: 16,
    durationSeconds: 20,
    needsOpenRegisters: true,
    routes: [
      {
        name: 'POST /api/v1/sales',
        method: 'POST',
        path: '/api/v1/sales',
        weight: 1,
        body: checkoutBody,
        headers: (n, env) => ({ 'idempotency-key': `bench-${env.runId}-${n}` }),
      },
    ],
  },
}

scenarios['pos-day'] = posDay
scenarios.reports = reports

/** The read mix at 50 → 1,000 connections, one bounded stage at a time (reported per stage). */
scenarios.stress = {
  description: "The original's read mix, ramped 50 → 100 → 250 → 500 → 1,000 connections",
  connections: 1000,
  durationSeconds: 50,
  stages: [50, 100, 250, 500, 1000].map((connections) => ({ connections, durationSeconds: 10 })),
  routes: readMix,
}

/**
 * Reads and keyed sales through nginx while one API instance is killed (SIGKILL) a third of
 * the way in; it stays down until the end. Target: no failed request, traffic on the survivors.
 */
scenarios.failover = {
  description: 'Read mix + 3-line sales with Idempotency-Key through nginx; api-2 is killed a third of the way in',
  connections: 30,
  durationSeconds: 30,
  needsOpenRegisters: true,
  requiresLoadBalancer: true,
  disruption: { kill: 'api-2', atFraction: 1 / 3 },
  routes: [...readMix, { ...scenarios.checkout.routes[0], weight: 20 }],
}

/**
 * The original's medium test ("300 utilisateurs", medium-load-test.js) at its plateau: 300 users
 * who pause between requests as its script did, with its route weights. It offers ≈ 255 req/s
 * whatever the server does (seed-spec §7); the original answered 84.6 req/s with 12.7 % errors
 * and p95 5.2 s. Target here: 0 errors, p95 ≤ 25 ms through nginx.
 */
scenarios['users-300'] = {
  description: "The original's 300-user medium test at its plateau: 300 users pausing U(0.5, 2.5) s between requests (30 % send a second one after 0.1 s), its route weights",
  connections: 300,
  durationSeconds: 60,
  thinkTime: { minSeconds: 0.5, maxSeconds: 2.5, secondRequestChance: 0.3, secondRequestAfterSeconds: 0.1 },
  // The same routes as the read mix, with the medium test's weights.
  routes: reweighted(readMix, {
    'GET /api/v1/products/': 40,
    'GET /api/v1/stores/': 20,
    'GET /api/v1/products/1': 15,
    'GET /api/v1/products/2': 10,
    'GET /api/v1/reports/global-summary': 10,
    'GET /health': 5,
  }),
}

scenarios['cache-effect'] = cacheEffect
scenarios.web = web
scenarios['web-users'] = webUsers
scenarios['web-floor'] = webFloor
