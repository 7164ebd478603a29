/**
 * How a refund goes back across the tenders a sale was paid with (ADR 0017).
 * Pure arithmetic in integer cents; create_return.ts reads the rows, under
 * the sale's lock, and writes the parts.
 */
import type { PaymentMethod } from '#sales/models/payment'

export interface RefundPart {
  method: PaymentMethod
  cents: number
}

/** One tender holds the whole refund: cash first (no card fee, one hand-over), then card, then other. */
const SINGLE_ORDER: PaymentMethod[] = ['cash', 'card', 'other']
/**
 * A split fills the tenders that reverse a charge first (the card, then
 * other), and the drawer gives the rest: the least cash leaves the till.
 */
const SPLIT_ORDER: PaymentMethod[] = ['card', 'other', 'cash']

/** Refund parts as the clerk hands them back (and as every view lists them): card, other, then cash. */
export function inRefundOrder<T extends { method: string }>(parts: T[]): T[] {
  const rank = (method: string) => SPLIT_ORDER.indexOf(method as PaymentMethod)
  return [...parts].sort((a, b) => rank(a.method) - rank(b.method))
}

/**
 * What each tender the sale used can still take back: what it paid (cash
 * net of the change handed back) minus what went back to it already. A
 * refund sent to a tender the sale did not use (a manager's choice), or
 * beyond a tender's share (returns recorded before refunds were split), was
 * still money the sale took in: it uses up the other tenders, in split order.
 * The balances then add up to what is left to refund on the sale.
 */
export function refundableByTender(
  paid: RefundPart[],
  changeCents: number,
  refunded: RefundPart[]
): Map<PaymentMethod, number> {
  const left = new Map<PaymentMethod, number>()
  for (const p of paid) left.set(p.method, (left.get(p.method) ?? 0) + p.cents)
  if (left.has('cash')) left.set('cash', left.get('cash')! - changeCents)
  let elsewhere = 0
  for (const r of refunded) {
    if (left.has(r.method)) left.set(r.method, left.get(r.method)! - r.cents)
    else elsewhere += r.cents
  }
  for (const [method, cents] of left) {
    if (cents < 0) {
      elsewhere -= cents
      left.set(method, 0)
    }
  }
  for (const method of SPLIT_ORDER) {
    if (!left.has(method) || elsewhere === 0) continue
    const taken = Math.min(elsewhere, left.get(method)!)
    left.set(method, left.get(method)! - taken)
    elsewhere -= taken
  }
  return left
}

/**
 * "original": the first tender, cash first, that holds the whole refund;
 * else card up to its balance, then other, then cash. Never more to a tender
 * than its balance, except a remainder the balances cannot hold (only when
 * the sale's own bound is broken, which the database refuses anyway).
 */
export function splitRefund(totalCents: number, left: Map<PaymentMethod, number>): RefundPart[] {
  if (totalCents === 0) return []
  const whole = SINGLE_ORDER.find((method) => (left.get(method) ?? -1) >= totalCents)
  if (whole) return [{ method: whole, cents: totalCents }]
  const parts: RefundPart[] = []
  let rest = totalCents
  for (const method of SPLIT_ORDER) {
    const cents = Math.min(rest, left.get(method) ?? 0)
    if (cents > 0) parts.push({ method, cents })
    rest -= cents
  }
  if (rest > 0) {
    const cash = parts.find((p) => p.method === 'cash')
    if (cash) cash.cents += rest
    else parts.push({ method: 'cash', cents: rest })
  }
  return parts
}

/** The value of returns.refund_method for these parts: the one tender, or 'mixed'. */
export function refundMethodOf(parts: RefundPart[], fallback: PaymentMethod): PaymentMethod | 'mixed' {
  if (parts.length === 0) return fallback
  return parts.length === 1 ? parts[0].method : 'mixed'
}
