// Every form of the app, described once. Actions call these on the server;
// route components call the same ones in the browser before submitting.
import { formatMoney, formatNumber } from '../format.ts'
import { settle } from '../pos/taxes.ts'
import { FormReader, readField, type FormInput, type Parsed } from './core.ts'

export type { FieldErrors, Parsed } from './core.ts'

export const MAX_LINE_QUANTITY = 1000
export const MAX_CART_LINES = 100

/*
 * A drawer's float is counted in hundreds: 100 000 $ is already far past any register's. The count
 * at closing takes up to the API's limit (10 000 000 $): it holds the float and the day's cash, and
 * a shared limit let a large float make the expected cash impossible to enter.
 */
export const MAX_FLOAT_CENTS = 10_000_000
export const MAX_COUNT_CENTS = 1_000_000_000

export function parseLogin(input: FormInput): Parsed<{ identifiant: string; motDePasse: string }> {
  const form = new FormReader(input)
  const identifiant = form.text('identifiant', { max: 254 })
  // Passwords are never trimmed: spaces may be part of them.
  const motDePasse = input instanceof FormData || input instanceof URLSearchParams
    ? String(input.get('mot_de_passe') ?? '')
    : String(input.mot_de_passe ?? '')
  if (motDePasse === '') form.fail('mot_de_passe', 'form.required')
  else if (motDePasse.length > 128) form.fail('mot_de_passe', 'form.tooLong', { max: formatNumber(128) })
  return form.result(() => ({ identifiant, motDePasse }))
}

export function parseOpenSession(input: FormInput): Parsed<{ floatCents: number }> {
  const form = new FormReader(input)
  const floatCents = form.money('fond_de_caisse', { max: MAX_FLOAT_CENTS })
  return form.result(() => ({ floatCents: floatCents ?? 0 }))
}

export function parseCloseSession(input: FormInput): Parsed<{ countedCents: number; note: string | null }> {
  const form = new FormReader(input)
  const countedCents = form.money('especes_comptees', { max: MAX_COUNT_CENTS })
  const note = form.text('note', { required: false, max: 500 })
  return form.result(() => ({ countedCents: countedCents ?? 0, note: note || null }))
}

/**
 * The scan field: a code, a barcode or words of a name, optionally prefixed
 * by a quantity the way registers do it ("3*ALI001", "3xALI001", "3 × …").
 */
export function parseScan(input: FormInput): Parsed<{ term: string; quantity: number }> {
  const form = new FormReader(input)
  const raw = form.text('q', { max: 64, singleLine: true })
  const match = /^(\d{1,4})\s*[*x×]\s*(\S.*)$/i.exec(raw)
  const term = match ? (match[2] ?? '').trim() : raw
  const quantity = match ? Number(match[1]) : 1
  if (match && (quantity < 1 || quantity > MAX_LINE_QUANTITY)) form.fail('q', 'form.quantityRange', { max: formatNumber(MAX_LINE_QUANTITY) })
  return form.result(() => ({ term, quantity }))
}

export function parseCartLine(input: FormInput, { allowZero = true } = {}): Parsed<{ productId: number; quantity: number }> {
  const form = new FormReader(input)
  const productId = form.integer('produit_id', { min: 1, max: 2_147_483_647 })
  const quantity = form.integer('quantite', { min: allowZero ? 0 : 1, max: MAX_LINE_QUANTITY })
  // Shown above the cart, away from the field: "Au plus 1 000." alone would not say of what.
  const outOfRange = form.errors.quantite?.key === 'form.min' || form.errors.quantite?.key === 'form.max'
  if (outOfRange) {
    delete form.errors.quantite
    form.fail('quantite', allowZero ? 'pos.cart.quantityRange' : 'form.quantityRange', { max: formatNumber(MAX_LINE_QUANTITY) })
  }
  return form.result(() => ({ productId: productId ?? 0, quantity: quantity ?? 0 }))
}

/** Idempotency keys we generate: "web-" and a UUID; the API accepts [A-Za-z0-9._:-]{8,100}. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/

export interface PaymentInput {
  cardCents: number
  cashCents: number
  idempotencyKey: string
}

/**
 * Card and/or cash. `totalCents` is the total the clerk was shown; the API
 * recomputes it and refuses a payment that does not cover its own total.
 */
export function parsePayment(input: FormInput, totalCents: number): Parsed<PaymentInput> {
  const form = new FormReader(input)
  const cardCents = form.money('carte', { required: false }) ?? 0
  const cashCents = form.money('especes', { required: false }) ?? 0
  const idempotencyKey = readField(input, 'cle')
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) form.fail('cle', 'form.staleForm')
  if (!form.errors.carte && !form.errors.especes) {
    const outcome = settle(totalCents, { cardCents, cashCents })
    if (cardCents + cashCents === 0) form.fail('especes', 'pay.nothingTendered')
    else if (outcome.cardExceedsTotal) form.fail('carte', 'pay.cardExceedsTotal')
    else if (outcome.missingCents > 0) form.fail('especes', 'pay.missing', { amount: formatMoney(outcome.missingCents) })
  }
  return form.result(() => ({ cardCents, cashCents, idempotencyKey }))
}

export const REFUND_METHODS = ['original', 'especes', 'carte'] as const
export type RefundMethod = (typeof REFUND_METHODS)[number]

export interface ReturnInput {
  /** damaged: how many of the quantity came back damaged, refunded but not put back in the store's stock. */
  lines: { lineId: number; quantity: number; damaged: number }[]
  reason: string
  refundMethod: RefundMethod
  idempotencyKey: string
}

/**
 * One quantity field per sale line (`qte_<line id>`), bounded by what can still come back, and
 * one for how many of them are damaged (`abime_<line id>`), bounded by that quantity.
 */
export function parseReturn(
  input: FormInput,
  returnable: readonly { lineId: number; remaining: number }[]
): Parsed<ReturnInput> {
  const form = new FormReader(input)
  const lines: ReturnInput['lines'] = []
  for (const line of returnable) {
    const name = `qte_${line.lineId}`
    const quantity = form.integer(name, { min: 0, max: line.remaining, required: false }) ?? 0
    const damagedName = `abime_${line.lineId}`
    // Bounded by the quantity returned, which is said in the message (the field's own max is the line's remaining).
    const damaged = form.integer(damagedName, { min: 0, max: MAX_LINE_QUANTITY, required: false }) ?? 0
    if (damaged > quantity && !form.errors[name] && !form.errors[damagedName]) {
      if (quantity === 0) form.fail(damagedName, 'returns.damagedWithoutQuantity')
      else form.fail(damagedName, 'returns.damagedOverReturned', { max: formatNumber(quantity) })
    }
    if (quantity > 0) lines.push({ lineId: line.lineId, quantity, damaged })
  }
  const reason = form.text('motif', { min: 2, max: 500 })
  const refundMethod = form.choice('mode_remboursement', REFUND_METHODS, 'original')
  const idempotencyKey = readField(input, 'cle')
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) form.fail('cle', 'form.staleForm')
  if (lines.length === 0 && Object.keys(form.errors).every((name) => !/^(qte|abime)_/.test(name))) {
    form.fail('lignes', 'returns.nothingSelected')
  }
  return form.result(() => ({ lines, reason, refundMethod: refundMethod ?? 'original', idempotencyKey }))
}

export function parseCancelSale(input: FormInput): Parsed<{ reason: string; refundMethod: RefundMethod; idempotencyKey: string }> {
  const form = new FormReader(input)
  const reason = form.text('motif', { min: 2, max: 500, required: false }) || 'Annulation de la vente'
  const refundMethod = form.choice('mode_remboursement', REFUND_METHODS, 'original')
  // Everything left goes back and is refunded at once: a slip of the hand must not do that.
  form.checked('confirmer', 'returns.cancelConfirmRequired')
  const idempotencyKey = readField(input, 'cle')
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) form.fail('cle', 'form.staleForm')
  return form.result(() => ({ reason, refundMethod: refundMethod ?? 'original', idempotencyKey }))
}

/** The most one replenishment request may ask for (the API's limit too). */
export const MAX_REQUEST_QUANTITY = 100_000

export function parseReplenishment(input: FormInput): Parsed<{ productId: number; quantity: number; note: string | null }> {
  const form = new FormReader(input)
  const productId = form.integer('produit_id', { min: 1, max: 2_147_483_647 })
  const quantity = form.integer('quantite', { min: 1, max: MAX_REQUEST_QUANTITY })
  const note = form.text('note', { required: false, max: 500 })
  return form.result(() => ({ productId: productId ?? 0, quantity: quantity ?? 0, note: note || null }))
}
