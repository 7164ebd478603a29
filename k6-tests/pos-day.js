/*
 * A clerk's day at the register, as an ordered flow that each connection (k6: each virtual
 * user) repeats: look a product up by name, scan three items by code, check the basket out
 * with an Idempotency-Key — four customers — then take one item of the last sale back.
 *
 * `state` belongs to one connection for one pass of the flow: the search step picks the
 * register and the basket, the checkout step records the sale that the return step refunds,
 * so a return always refers to a sale this run made (a failed checkout skips the return).
 */

const CUSTOMERS_PER_FLOW = 4

/** The first word of a product's name, lower case: what a clerk types in the search box. */
function searchTerm(product) {
  return (product.nom ?? product.code).split(/\s+/)[0].toLowerCase()
}

const search = {
  name: 'GET /api/v1/products?search=',
  method: 'GET',
  pathFor: (n, env, state) => {
    const products = env.products
    state.register = env.registers[n % env.registers.length]
    state.basket = [0, 1, 2].map((offset) => products[(n * 7 + offset * 5) % products.length])
    return `/api/v1/products?search=${encodeURIComponent(searchTerm(state.basket[0]))}&size=20`
  },
}

/** Scanning item `i` of the basket (the barcode scanner sends the product code). */
const scan = (i) => ({
  name: 'GET /api/v1/products/by-code/:code',
  method: 'GET',
  pathFor: (_n, _env, state) => `/api/v1/products/by-code/${encodeURIComponent(state.basket[i].code)}`,
})

const checkout = {
  name: 'POST /api/v1/sales',
  method: 'POST',
  path: '/api/v1/sales',
  headers: (n, env) => ({ 'idempotency-key': `pos-${env.runId}-${n}` }),
  body: (_n, _env, state) => ({
    caisse_id: state.register.id,
    lignes: state.basket.map((product, index) => ({ produit_id: product.id, quantite: index === 1 ? 2 : 1 })),
    // Cash covers any basket of the seeded catalogue; the server computes the change.
    paiements: [{ mode: 'especes', montant: '200.00' }],
  }),
  onResponse: (status, sale, state) => {
    // 200 is a replay of the same key (a retry that reached a second instance): the same sale.
    if ((status === 201 || status === 200) && sale?.lignes?.length) state.lastSale = { id: sale.id, lineId: sale.lignes[0].id }
  },
}

const returnOneItem = {
  name: 'POST /api/v1/sales/:id/returns',
  method: 'POST',
  // null: no sale to return in this pass (its checkout failed), the runner skips the step.
  pathFor: (_n, _env, state) => (state.lastSale ? `/api/v1/sales/${state.lastSale.id}/returns` : null),
  headers: (n, env) => ({ 'idempotency-key': `pos-${env.runId}-r${n}` }),
  body: (_n, _env, state) => ({
    lignes: [{ ligne_id: state.lastSale.lineId, quantite: 1 }],
    motif: 'Article défectueux',
    mode_remboursement: 'especes',
  }),
}

const customer = [search, scan(0), scan(1), scan(2), checkout]

export const posDay = {
  description:
    'POS day: search by name, scan 3 codes, 3-line checkout with Idempotency-Key (×4 customers), then return one item of the last sale',
  connections: 15,
  durationSeconds: 20,
  needsOpenRegisters: true,
  flow: [...Array.from({ length: CUSTOMERS_PER_FLOW }, () => customer).flat(), returnOneItem],
}
