// What the two register suites share: the basket a clerk sells and its
// figures, checked against a tax rule written out here rather than taken from
// the app. pos-sale.test.ts sells it through the page; pos-returns.test.ts
// sells the same basket, paid the same way, through the API, and takes it
// back (its own store: the files may run side by side).
import assert from 'node:assert/strict'

import { XSS_CODE, XSS_NAME, cents, stockUp, type ApiCall } from './support.ts'

export interface Product {
  id: number
  code: string
  nom: string
  prix: string
}

export interface Basket {
  pain: Product
  lait: Product
  xss: Product
}

/** The drawer's float, and how the clerk pays: 5.00 by card, 10.00 in cash (so with change). */
export const FLOAT = 15_000
export const CARD = 500
export const CASH = 1_000

// The API's tax rule, written out independently: each tax on the subtotal, half-up.
export const taxOn = (cents: number, ppm: number) => Math.floor((cents * ppm * 2 + 1_000_000) / 2_000_000)
export const taxesOn = (cents: number) => taxOn(cents, 50_000) + taxOn(cents, 99_750)

/** Cash settles to the nickel (ADR 0023), written out independently: 1.89 → 1.90, 1.27 → 1.25. */
export const nickel = (cents: number) => Math.round(cents / 5) * 5

/** What the drawer keeps of the split payment: what the card leaves, to the nickel. */
export const cashKept = (total: number) => nickel(total - CARD)

/** What the clerk sells: two breads, a milk and the product with the hostile name. */
export function sold(basket: Basket) {
  const subtotal = 2 * cents(basket.pain.prix) + cents(basket.lait.prix) + cents(basket.xss.prix)
  return { subtotal, total: subtotal + taxesOn(subtotal) }
}

/** The basket's products, on sale with stock in the store (the suites share one database). */
export async function basketOnSale(api: ApiCall, storeId: number): Promise<Basket> {
  const basket = {
    pain: (await api<Product>('GET', '/products/by-code/ALI001')).body,
    lait: (await api<Product>('GET', '/products/by-code/ALI002')).body,
    xss: await ensureXssProduct(api),
  }
  for (const product of Object.values(basket)) {
    assert.ok(product?.id, 'seed products ALI001 and ALI002 exist')
    await stockUp(api, storeId, product.id, 'Préparation des tests de bout en bout')
  }
  return basket
}

async function ensureXssProduct(api: ApiCall): Promise<Product> {
  const existing = await api<Product>('GET', `/products/by-code/${XSS_CODE}`)
  if (existing.status === 200) {
    const updated = await api<Product>('PATCH', `/products/${existing.body.id}`, { nom: XSS_NAME, prix: '2.49', actif: true })
    return updated.body
  }
  const categories = await api<{ items: { id: number }[] }>('GET', '/categories?search=Boissons&size=1')
  const created = await api<Product>('POST', '/products', {
    code: XSS_CODE,
    nom: XSS_NAME,
    prix: '2.49',
    categorie_id: categories.body.items[0]?.id,
    description: 'Produit de test : son nom ne doit jamais devenir du HTML.',
  })
  // Both register suites ask for it: on a fresh database the other one may have created it meanwhile.
  if (created.status !== 201 && (await api('GET', `/products/by-code/${XSS_CODE}`)).status === 200) return ensureXssProduct(api)
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body
}
