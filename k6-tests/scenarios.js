/*
 * Load scenarios, described once for both runners: k6 scripts in this
 * folder import them (for machines with k6), and `make bench` runs them
 * here with autocannon (scripts/bench.mjs). Paths are relative to the
 * target (one API instance, or nginx in front of several).
 *
 * A route: { name, method, path, weight, body?(n, env), headers?(n, env) }
 *   n   – a per-connection counter (to vary bodies and idempotency keys)
 *   env – { token, registers: [{ id, storeId }], products: [{ id, code }] }
 */

/** The original's k6 read mix (simple-stress-test.js weights). */
const readMix = [
  { name: 'GET /health', method: 'GET', path: '/health', weight: 10 },
  { name: 'GET /api/v1/products/', method: 'GET', path: '/api/v1/products/', weight: 30 },
  { name: 'GET /api/v1/products/1', method: 'GET', path: '/api/v1/products/1', weight: 20 },
  { name: 'GET /api/v1/products/2', method: 'GET', path: '/api/v1/products/2', weight: 15 },
  { name: 'GET /api/v1/stores/', method: 'GET', path: '/api/v1/stores/', weight: 15 },
  { name: 'GET /api/v1/reports/global-summary', method: 'GET', path: '/api/v1/reports/global-summary', weight: 10 },
]

/** A 3-line sale paid by card, at one of the open registers, with a fresh idempotency key. */
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
