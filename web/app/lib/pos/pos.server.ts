// The POS page's data and actions. Every step is a POST answered by a
// redirect (so it works without JavaScript); with JavaScript the page sends
// the same forms through a fetcher and never reloads.

import { data, redirect } from '@remix-run/node'

import { ApiError, ok, type ApiClient } from '../api/client.server.ts'
import type { SessionUser } from '../auth/roles.ts'
import { flashRefusal, type WebSession } from '../auth/session.server.ts'
import { newFormKey } from '../form-key.server.ts'
import { formatMoney, formatNumber } from '../format.ts'
import { parseCartLine, parseOpenSession, parsePayment, parseScan, type FieldErrors } from '../forms/schemas.ts'
import { searchFrom } from '../list-query.ts'
import { sellableFirst } from '../stock.ts'
import { centsFromWire, centsToWire } from '../money.ts'
import { posPath } from '../paths.ts'
import { actionErrorFrom, forbidden, notFound, redirectWithNotice, redirectWithSession } from '../request.server.ts'
import { currentSessionSummary, findRegister, forgetStore, getStore, type Register, type RegisterSession } from '../stores.server.ts'
import { addToCart, encodeCart, setCartQuantity, type CartEntry } from './cart.ts'
import { registerHeading } from './register-heading.ts'
import { clearedCart, forgetClearedCart, keepClearedCart, readCart, writeCart } from './cart.server.ts'
import { forgetProducts, productsById } from './products.server.ts'
import { exactCashCents, previewTotals, storeTaxRates, type TaxRate } from './taxes.ts'
import type { CartLineView, PosActionResult, PosIntent, PosView, SessionView, StockItemView } from './types.ts'

export { posPath }

const SEARCH_SIZE = 20
const QUICK_PICKS = 10

/** The register, if this user may work at it (403/404 otherwise). */
export async function registerFor(api: ApiClient, user: SessionUser, registerId: number): Promise<Register> {
  const lookup = await findRegister(api, user, registerId)
  if (lookup.kind === 'forbidden') throw forbidden('store')
  if (lookup.kind === 'missing') throw notFound()
  return lookup.register
}

/** The register, if this user may sell at it: an inactive register sells nothing (the registers page links no POS for it). */
async function sellingRegister(api: ApiClient, user: SessionUser, registerId: number): Promise<Register> {
  const register = await registerFor(api, user, registerId)
  if (!register.actif) throw notFound()
  return register
}

export function sessionView(session: RegisterSession | null): SessionView | null {
  if (!session || session.id === undefined || session.statut !== 'ouverte') return null
  return {
    id: session.id,
    openedAt: session.ouverte_le ?? new Date().toISOString(),
    floatCents: centsFromWire(session.fond_de_caisse ?? '0.00'),
  }
}

type StockPage = { items: { produit_id: number; code: string; nom: string; prix: string; actif: boolean; quantite: number; statut: StockItemView['status'] }[]; total: number }

function stockItemView(item: StockPage['items'][number]): StockItemView {
  return {
    productId: item.produit_id,
    code: item.code,
    name: item.nom,
    unitPriceCents: centsFromWire(item.prix),
    quantity: item.quantite,
    status: item.statut,
  }
}

/** The store's stock matching `query`; `actif: true` leaves out discontinued products (a sale refuses them). */
function searchStock(api: ApiClient, storeId: number, query: { search?: string; size: number; sort?: string; actif?: boolean }) {
  return ok(api.GET('/api/v1/stores/{id}/stock', { params: { path: { id: storeId }, query } }))
}

/** The cart priced from the catalogue and taxed at `taxRates`, the register's store's own rates. */
export async function cartView(
  api: ApiClient,
  entries: readonly CartEntry[],
  taxRates: Promise<readonly TaxRate[]>
): Promise<Omit<PosView['cart'], 'restorable' | 'version'>> {
  const [products, rates] = await Promise.all([
    productsById(
      api,
      entries.map((entry) => entry.productId)
    ),
    taxRates,
  ])
  const lines: CartLineView[] = entries.map((entry, index) => {
    const product = products[index] ?? null
    const unavailable = product === null || !product.active
    const unitPriceCents = product?.unitPriceCents ?? 0
    return {
      productId: entry.productId,
      code: product?.code ?? `#${entry.productId}`,
      name: product?.name ?? '',
      unitPriceCents,
      quantity: entry.quantity,
      lineTotalCents: unavailable ? 0 : unitPriceCents * entry.quantity,
      unavailable,
    }
  })
  const sellableLines = lines.filter((line) => !line.unavailable)
  const totals = previewTotals(
    sellableLines.map((line) => ({ unitPriceCents: line.unitPriceCents, quantity: line.quantity })),
    rates
  )
  return { lines, totals, sellable: sellableLines.length > 0 && sellableLines.length === lines.length }
}

export async function loadPos(
  { api, user, session }: { api: ApiClient; user: SessionUser; session: WebSession },
  registerId: number,
  url: URL
): Promise<PosView> {
  const register = await sellingRegister(api, user, registerId)
  const term = searchFrom(url.searchParams.get('q'), 64) || null
  // One store read gives the page its name and the cart its tax rates.
  const storeDetail = getStore(api, register.magasin_id)
  const entries = readCart(session, register.id)
  const [store, drawer, cart, stock] = await Promise.all([
    storeDetail,
    currentSessionSummary(api, register),
    cartView(api, entries, storeDetail.then((detail) => storeTaxRates(detail.taxes))),
    term
      ? searchStock(api, register.magasin_id, { search: term, size: SEARCH_SIZE, sort: 'nom,asc', actif: true })
      : searchStock(api, register.magasin_id, { size: QUICK_PICKS, sort: 'nom,asc', actif: true }),
  ])
  return {
    register: { ...registerHeading(register, store), numero: register.numero },
    session: sessionView(drawer),
    cart: {
      ...cart,
      restorable: cart.lines.length === 0 ? clearedCart(session, register.id).length : 0,
      version: cartVersion(entries, cart.totals.totalCents),
    },
    search: { term, items: sellableFirst(stock.items.map(stockItemView)), total: stock.total },
    idempotencyKey: newFormKey(),
  }
}

/**
 * What a payment form was showing: its lines and the total they came to. A
 * payment is for that cart only: the cart lives in the session, so a second
 * tab (or a page left open) may have changed it since, and « Tout par carte »
 * would charge lines and an amount the clerk never saw.
 */
function cartVersion(entries: readonly CartEntry[], totalCents: number): string {
  return `${encodeCart(entries)}=${totalCents}`
}

function fail(intent: PosIntent, result: Omit<PosActionResult, 'intent'>, status = 422) {
  return data<PosActionResult>({ intent, ...result }, { status })
}

function invalid(intent: PosIntent, fieldErrors: FieldErrors, values?: Record<string, string>) {
  return fail(intent, { fieldErrors, values })
}

const INTENTS: readonly PosIntent[] = ['open', 'scan', 'add', 'set-qty', 'remove', 'clear', 'restore', 'pay', 'pay-card', 'pay-cash']

interface PosActionContext {
  api: ApiClient
  user: SessionUser
  session: WebSession
  form: FormData
}

/**
 * Every POS form posts here; `intent` says which. Posted by the page's script
 * (`js`), a refusal is answered as data, shown where the step was taken;
 * posted by the browser itself (no JavaScript), it goes through a redirect
 * like every step that succeeds, so the page shown is a GET: reloading it
 * posts nothing again, and Back from the next receipt does not stop on a
 * "confirm form resubmission" page.
 */
export async function runPosAction(ctx: PosActionContext, registerId: number) {
  const answer = await answerPosStep(ctx, registerId)
  if (answer instanceof Response || ctx.form.get('js') === '1') return answer
  flashRefusal(ctx.session, posPath(registerId), answer.data)
  return redirectWithSession(posPath(registerId), ctx.session)
}

async function answerPosStep(ctx: PosActionContext, registerId: number) {
  const intentValue = String(ctx.form.get('intent') ?? '')
  if (!(INTENTS as readonly string[]).includes(intentValue)) throw new Response('bad_intent', { status: 400 })
  const intent = intentValue as PosIntent
  const register = await sellingRegister(ctx.api, ctx.user, registerId)
  const back = posPath(register.id)

  switch (intent) {
    case 'open':
      return openSession(ctx, register, back)
    case 'scan':
      return scan(ctx, register, back)
    case 'add': {
      const parsed = parseCartLine(ctx.form, { allowZero: false })
      if (!parsed.ok) return invalid(intent, parsed.errors)
      const [product] = await productsById(ctx.api, [parsed.value.productId])
      if (!product || !product.active) return fail(intent, { error: { key: 'pos.productUnavailable' } }, 404)
      const short = await beyondStock(ctx, register, intent, product, inCart(ctx, register.id, product.id) + parsed.value.quantity)
      if (short) return short
      return addAndReturn(ctx, register.id, back, intent, product.id, parsed.value.quantity)
    }
    case 'set-qty':
    case 'remove': {
      const parsed = parseCartLine(intent === 'remove' ? withField(ctx.form, 'quantite', '0') : ctx.form)
      if (!parsed.ok) return invalid(intent, parsed.errors)
      const { productId, quantity } = parsed.value
      // Only a larger quantity can outgrow the shelf; lowering one never asks the API.
      if (quantity > inCart(ctx, register.id, productId)) {
        const [product] = await productsById(ctx.api, [productId])
        const short = await beyondStock(ctx, register, intent, product ?? { id: productId, code: '', name: `#${productId}` }, quantity)
        if (short) return short
      }
      writeCart(ctx.session, register.id, setCartQuantity(readCart(ctx.session, register.id), productId, quantity))
      return redirectWithSession(back, ctx.session)
    }
    case 'clear':
      keepClearedCart(ctx.session, register.id, readCart(ctx.session, register.id))
      writeCart(ctx.session, register.id, [])
      return redirectWithNotice(back, ctx.session, { kind: 'info', message: { key: 'pos.cartCleared' } })
    case 'restore': {
      // Only into an empty cart: a cart started since is the clerk's newer work.
      const cleared = clearedCart(ctx.session, register.id)
      if (cleared.length > 0 && readCart(ctx.session, register.id).length === 0) writeCart(ctx.session, register.id, cleared)
      forgetClearedCart(ctx.session)
      return redirectWithSession(back, ctx.session)
    }
    case 'pay':
    case 'pay-card':
    case 'pay-cash':
      return pay(ctx, register, intent)
  }
}

const inCart = (ctx: PosActionContext, registerId: number, productId: number) =>
  readCart(ctx.session, registerId).find((entry) => entry.productId === productId)?.quantity ?? 0

/** What the store holds of a product now (its stock row, found by code; none without a code). */
async function storeQuantity(api: ApiClient, storeId: number, product: { id: number; code: string }): Promise<number> {
  if (!product.code) return 0
  const page = await searchStock(api, storeId, { search: product.code, size: SEARCH_SIZE })
  return page.items.find((item) => item.produit_id === product.id)?.quantite ?? 0
}

/** The refusal when `wanted` of a product is more than the store holds, else null. */
async function beyondStock(
  ctx: PosActionContext,
  register: Register,
  intent: PosIntent,
  product: { id: number; code: string; name: string },
  wanted: number
) {
  const available = await storeQuantity(ctx.api, register.magasin_id, product)
  return wanted > available ? shortOfStock(intent, product.name, wanted, available) : null
}

/**
 * More in the cart than the store holds: refused when asked, in the words the sale's own refusal
 * uses, instead of being found out at payment (999 × Lait sat in the cart until then).
 */
function shortOfStock(intent: PosIntent, name: string, wanted: number, available: number, values?: Record<string, string>) {
  const params = { product: name, requested: formatNumber(wanted), available: formatNumber(Math.max(0, available)) }
  return fail(intent, { error: { key: 'api.insufficientStockOne', params }, values }, 409)
}

function withField(form: FormData, name: string, value: string): FormData {
  const copy = new FormData()
  for (const [key, entry] of form) if (typeof entry === 'string') copy.append(key, entry)
  copy.set(name, value)
  return copy
}

async function addAndReturn(
  ctx: PosActionContext,
  registerId: number,
  back: string,
  intent: PosIntent,
  productId: number,
  quantity: number
) {
  const change = addToCart(readCart(ctx.session, registerId), productId, quantity)
  if (change.outcome === 'full') return fail(intent, { error: { key: 'pos.cartFull' } })
  writeCart(ctx.session, registerId, change.entries)
  // A new cart started: the emptied one is not coming back.
  forgetClearedCart(ctx.session)
  if (change.outcome === 'capped') {
    return redirectWithNotice(back, ctx.session, { kind: 'warning', message: { key: 'pos.quantityCapped' } })
  }
  return redirectWithSession(back, ctx.session)
}

async function openSession(ctx: PosActionContext, register: Register, back: string) {
  const parsed = parseOpenSession(ctx.form)
  const values = { fond_de_caisse: String(ctx.form.get('fond_de_caisse') ?? '') }
  if (!parsed.ok) return invalid('open', parsed.errors, values)
  try {
    await ok(
      ctx.api.POST('/api/v1/registers/{id}/sessions', {
        params: { path: { id: register.id } },
        body: { fond_de_caisse: centsToWire(parsed.value.floatCents) },
      })
    )
  } catch (error) {
    // Opened meanwhile (another tab, a double click): the register is open, which is what was wanted.
    if (error instanceof ApiError && error.code === 'REGISTER_ALREADY_OPEN') return redirect(back)
    return fail('open', { error: actionErrorFrom(error), values }, error instanceof ApiError ? error.status : 503)
  }
  return redirectWithNotice(back, ctx.session, { kind: 'success', message: { key: 'pos.sessionOpened' } })
}

/**
 * The scan field: an exact code or barcode (what a scanner types, then
 * Enter) goes straight into the cart; anything else lists the matches.
 */
async function scan(ctx: PosActionContext, register: Register, back: string) {
  const parsed = parseScan(ctx.form)
  const values = { q: String(ctx.form.get('q') ?? '') }
  if (!parsed.ok) return invalid('scan', parsed.errors, values)
  const { term, quantity } = parsed.value
  let page: StockPage
  try {
    page = await searchStock(ctx.api, register.magasin_id, { search: term, size: SEARCH_SIZE, sort: 'nom,asc' })
  } catch (error) {
    return fail('scan', { error: actionErrorFrom(error), values }, 503)
  }
  const wanted = term.toLocaleLowerCase('fr-CA')
  const exactCode = page.items.find((item) => item.code.toLocaleLowerCase('fr-CA') === wanted)
  // Search also matches an exact barcode; a lone result for digits is that barcode.
  const barcodeHit = !exactCode && page.items.length === 1 && /^\d{6,32}$/.test(term) ? page.items[0] : undefined
  const hit = exactCode ?? barcodeHit
  if (hit) {
    // Scanned from a shelf label still up: named, rather than "no such product".
    if (!hit.actif) return fail('scan', { error: { key: 'pos.productUnavailable' }, values }, 409)
    if (hit.quantite <= 0) {
      return fail('scan', { error: { key: 'pos.outOfStock', params: { name: hit.nom } }, values }, 409)
    }
    const wanted = inCart(ctx, register.id, hit.produit_id) + quantity
    if (wanted > hit.quantite) return shortOfStock('scan', hit.nom, wanted, hit.quantite, values)
    return addAndReturn(ctx, register.id, back, 'scan', hit.produit_id, quantity)
  }
  if (page.items.length === 0) return fail('scan', { error: { key: 'pos.noMatch', params: { term } }, values }, 404)
  return redirect(`${back}?${new URLSearchParams({ q: term })}`)
}

async function pay(ctx: PosActionContext, register: Register, intent: 'pay' | 'pay-card' | 'pay-cash') {
  const entries = readCart(ctx.session, register.id)
  const key = String(ctx.form.get('cle') ?? '')
  const lastSale = ctx.session.get('lastSale')
  // A payment posted twice (double click, browser retry) after its sale emptied the cart.
  if (entries.length === 0 && lastSale && lastSale.key === key) return redirect(`/ventes/${lastSale.saleId}/recu`)
  if (entries.length === 0) return fail(intent, { error: { key: 'pos.cartEmpty' } })

  const rates = getStore(ctx.api, register.magasin_id).then((store) => storeTaxRates(store.taxes))
  const cart = await cartView(ctx.api, entries, rates)
  if (!cart.sellable) return fail(intent, { error: { key: 'pos.removeUnavailable' } })
  const total = cart.totals.totalCents
  const values = { carte: String(ctx.form.get('carte') ?? ''), especes: String(ctx.form.get('especes') ?? '') }
  if (String(ctx.form.get('panier') ?? '') !== cartVersion(entries, total)) {
    return fail(intent, { error: { key: 'pos.cartChanged', params: { amount: formatMoney(total) } }, values }, 409)
  }
  const input =
    intent === 'pay-card'
      ? withField(withField(ctx.form, 'carte', centsToWire(total)), 'especes', '')
      : intent === 'pay-cash'
        ? withField(withField(ctx.form, 'especes', centsToWire(exactCashCents(total))), 'carte', '')
        : ctx.form
  const parsed = parsePayment(input, total)
  if (!parsed.ok) return invalid(intent, parsed.errors, values)

  const { cardCents, cashCents, idempotencyKey } = parsed.value
  const paiements = [
    ...(cardCents > 0 ? [{ mode: 'carte' as const, montant: centsToWire(cardCents) }] : []),
    ...(cashCents > 0 ? [{ mode: 'especes' as const, montant: centsToWire(cashCents) }] : []),
  ]
  let saleId: number
  try {
    const sale = await ok(
      ctx.api.POST('/api/v1/sales', {
        body: {
          caisse_id: register.id,
          lignes: entries.map((entry) => ({ produit_id: entry.productId, quantite: entry.quantity })),
          paiements,
        },
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    )
    saleId = sale.id
  } catch (error) {
    // The API refused the cart as it is (a price, a product, a tax rate): show fresh data next time.
    forgetProducts(entries.map((entry) => entry.productId))
    forgetStore(register.magasin_id)
    return fail(intent, { error: actionErrorFrom(error), values }, error instanceof ApiError ? error.status : 503)
  }
  writeCart(ctx.session, register.id, [])
  forgetClearedCart(ctx.session)
  ctx.session.set('lastSale', { key: idempotencyKey, saleId })
  return redirectWithNotice(`/ventes/${saleId}/recu`, ctx.session, { kind: 'success', message: { key: 'pos.saleRecorded' } })
}
