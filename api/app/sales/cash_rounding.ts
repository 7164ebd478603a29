/**
 * Cash in Canada is settled to the nearest 0.05 $ (no cent coins since 2013):
 * 1 and 2 ¢ round down, 3 and 4 ¢ up (ADR 0023). Only what is paid or given
 * back in cash rounds; card and other tenders settle to the cent, and taxes
 * and revenue stay on the exact total. Pure arithmetic in integer cents,
 * shared by sales, returns and the demo history.
 */
import type { RefundPart } from '#sales/refund_split'

export const NICKEL_CENTS = 5

/** 5.27 → 5.25, 5.28 → 5.30, negatives mirrored. */
export function toNickel(cents: number): number {
  const sign = cents < 0 ? -1 : 1
  const magnitude = Math.abs(cents)
  const rest = magnitude % NICKEL_CENTS
  return sign * (rest < 3 ? magnitude - rest : magnitude - rest + NICKEL_CENTS)
}

export interface CashSettlement {
  /** What the drawer keeps of the cash tendered: the cash due, rounded. */
  keptCents: number
  changeCents: number
  /** keptCents − the exact cash due: −2 to +2. */
  roundingCents: number
}

/**
 * How cash tendered settles what the other tenders leave due (exactDueCents ≥ 0), or null when
 * it does not cover it. The due rounds to the nickel; the change is what was tendered beyond
 * that. The exact due itself (cent coins are still legal tender; an integration sends the
 * total) settles it without rounding: the drawer keeps what it was handed, no change.
 */
export function settleCash(exactDueCents: number, tenderedCents: number): CashSettlement | null {
  if (tenderedCents === exactDueCents) return { keptCents: tenderedCents, changeCents: 0, roundingCents: 0 }
  const roundedDue = toNickel(exactDueCents)
  if (tenderedCents >= roundedDue) {
    return { keptCents: roundedDue, changeCents: tenderedCents - roundedDue, roundingCents: roundedDue - exactDueCents }
  }
  if (tenderedCents >= exactDueCents) {
    return { keptCents: tenderedCents, changeCents: 0, roundingCents: tenderedCents - exactDueCents }
  }
  return null
}

/** A sale's cash as its refunds read it, under the sale's lock. */
export interface SaleCash {
  /** Its cash on exact amounts: what the drawer kept less the sale's rounding (0 without cash). */
  exactCents: number
  /** What the drawer kept: cash tendered − change. */
  keptCents: number
  /**
   * What is left of its exact cash for refunds (refundableByTender's cash balance): less than
   * exactCents − refundedExactCents once a manager refunded some of it to another tender.
   */
  exactLeftCents: number
  /** Over its earlier returns: the exact cash refunded (their cash parts less their roundings)… */
  refundedExactCents: number
  /** …and the cash actually handed back. */
  handedBackCents: number
}

/**
 * The cash handed back over all of a sale's refunds once `exactRefundedCents` of exact cash was
 * refunded. While some of the sale's cash is left: that amount to the nickel, never more than
 * the drawer kept. Once none is left (`whole`): all the drawer kept when all of it went back in
 * cash, plus cash refunded beyond the sale's own (a manager's cash refund of a card sale)
 * rounded on its own; when part of it went back to another tender (a manager's « autre »),
 * what the drawer kept less that part, to the nickel.
 */
export function cashHandedBackFor(sale: Pick<SaleCash, 'exactCents' | 'keptCents'>, exactRefundedCents: number, whole: boolean): number {
  if (!whole) return Math.min(toNickel(exactRefundedCents), sale.keptCents)
  const elsewhere = sale.exactCents - exactRefundedCents
  if (elsewhere <= 0) return sale.keptCents + toNickel(-elsewhere)
  return Math.min(Math.max(0, toNickel(sale.keptCents - elsewhere)), sale.keptCents)
}

/**
 * The cash handed back for a refund whose cash part is exactCents on exact amounts. Rounded on
 * the running total, not on each refund alone: a sale refunded in several returns gives back
 * what it took (within 2 ¢ when some of it went back to another tender), however small its
 * parts — a part that rounds to nothing now is handed back with a later one.
 */
export function cashRefundCents(exactCents: number, sale: SaleCash): number {
  if (exactCents <= 0) return 0
  const whole = exactCents >= sale.exactLeftCents
  return Math.max(0, cashHandedBackFor(sale, sale.refundedExactCents + exactCents, whole) - sale.handedBackCents)
}

/** The parts handed back, cash rounded to the nickel, and that rounding (Σ parts − the refund). */
export interface RefundPlan<Part extends RefundPart = RefundPart> {
  parts: Part[]
  cashRoundingCents: number
}

/** Exact refund parts with the cash one as the drawer hands it back (dropped when it comes to nothing). */
export function roundCash<Part extends RefundPart>(parts: Part[], sale: SaleCash): RefundPlan<Part> {
  const exact = parts.find((part) => part.method === 'cash')
  if (!exact) return { parts, cashRoundingCents: 0 }
  const handed = cashRefundCents(exact.cents, sale)
  const rounded = parts.flatMap((part) => (part !== exact ? [part] : handed > 0 ? [{ ...part, cents: handed }] : []))
  return { parts: rounded, cashRoundingCents: handed - exact.cents }
}
