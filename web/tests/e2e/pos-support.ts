// What the register suites share: the basket a clerk sells and its figures,
// checked against a tax rule written out here rather than taken from the app,
// and the clerk at the register each file starts from. pos-sale.test.ts sells
// it through the page; pos-refusals.test.ts tries what the register refuses
// (on a register of its own); pos-returns.test.ts sells the same basket, paid
// the same way, through the API, and takes it back (its own store: the files
// may run side by side).
import assert from 'node:assert/strict'

import type { Page } from 'playwright-core'

import { XSS_CODE, XSS_NAME, cents, closeOpenSession, openDrawer, stockUp, type ApiCall, type Stage } from './support.ts'

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

/** Cents as the API takes an amount: 1000 → "10.00". */
export const wire = (cents: number) => (cents / 100).toFixed(2)

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

/**
 * A file's clerk at a register of their store, the stage open: signed in to
 * the API and in a page (they land on the store's registers, as
 * sign-in-and-roles.test.ts checks), the basket on sale in the store, and the
 * register closed (an earlier run may have left it open) — or, `drawerOpen`,
 * opened anew with FLOAT, for a file that does not open it through the page.
 */
export async function clerkAtRegister(
  stage: Stage,
  store: number,
  registerId: number,
  /** bypassCSP: for a flow that runs axe in the page (an inline script the policy refuses). */
  { drawerOpen = false, bypassCSP = false } = {}
): Promise<{ clerkApi: ApiCall; products: Basket; page: Page }> {
  const clerkApi = await stage.apiAs(`caissier${store}`)
  await closeOpenSession(clerkApi, registerId)
  if (drawerOpen) await openDrawer(clerkApi, registerId, wire(FLOAT))
  const products = await basketOnSale(stage.api, store)
  return { clerkApi, products, page: await stage.signedIn(`caissier${store}`, { bypassCSP }) }
}

/** After a file's flows: its register closed as it stands (one that failed would leave it open), and the stage. */
export async function leaveRegister(stage: Stage, clerkApi: ApiCall | undefined, registerId: number): Promise<void> {
  if (clerkApi) await closeOpenSession(clerkApi, registerId)
  await stage.close()
}

/** The cart's line for a product. */
export function cartLine(page: Page, name: string) {
  return page.getByTestId('cart-line').filter({ hasText: name })
}
