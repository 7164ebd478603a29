/**
 * Cash in Canada is settled to the nearest 0.05 $ (no cent coins since 2013):
 * 1 and 2 ¢ round down, 3 and 4 ¢ up (ADR 0023). Only what is paid or given
 * back in cash rounds; card and other tenders settle to the cent, and taxes
 * and revenue stay on the exact total. Pure arithmetic in integer cents,
 * shared by sales, returns and the demo history.
 */
import type { RefundPart } from '#sales/refund_split'

const NICKEL_CENTS = 5

/** 5.27 → 5.25, 5.28 → 5.30, negatives mirrored. */
export function toNickel(cents: number): number {
  const magnitude = Math.abs(cents)
  const rest = magnitude % NICKEL_CENTS
  const rounded = rest < 3 ? magnitude - rest : magnitude - rest + NICKEL_CENTS
  // 0 − 0 is 0, where −1 × 0 would be −0.
  return cents < 0 ? 0 - rounded : rounded
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
 * it does not cover it. Tendered beyond both the due and the due to the nickel: the drawer keeps
 * the due to the nickel and the rest is change. Anything from the lower of the two up to the
 * higher (the exact due itself — cent coins are still legal tender, and integrations send the
 * total) is kept as handed, without change: a change of a cent or two is a coin nobody has.
 */
export function settleCash(exactDueCents: number, tenderedCents: number): CashSettlement | null {
  const roundedDue = toNickel(exactDueCents)
  if (tenderedCents > exactDueCents && tenderedCents >= roundedDue) {
    return { keptCents: roundedDue, changeCents: tenderedCents - roundedDue, roundingCents: roundedDue - exactDueCents }
  }
  if (tenderedCents >= Math.min(exactDueCents, roundedDue)) {
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

/** A sale's cash from what its rows say: cash tendered, change and rounding; its returns' cash parts and roundings. */
export function saleCashOf(rows: {
  cashTenderedCents: number
  changeCents: number
  roundingCents: number
  handedBackCents: number
  returnsRoundingCents: number
  /** refundableByTender's cash balance. */
  exactLeftCents: number
}): SaleCash {
  const keptCents = rows.cashTenderedCents > 0 ? rows.cashTenderedCents - rows.changeCents : 0
  return {
    exactCents: keptCents - rows.roundingCents,
    keptCents,
    exactLeftCents: rows.exactLeftCents,
    // A return's rounding is all on its cash part, even when that part came to nothing (no row).
    refundedExactCents: rows.handedBackCents - rows.returnsRoundingCents,
    handedBackCents: rows.handedBackCents,
  }
}

/**
 * The cash handed back over all of a sale's refunds once `exactRefundedCents` of exact cash was
 * refunded. While some of the sale's cash is left: that amount to the nickel, never more than
 * the drawer kept. Once none is left (`saleCashUsedUp`): all the drawer kept when all of it went back in
 * cash, plus cash refunded beyond the sale's own (a manager's cash refund of a card sale)
 * rounded on its own; when part of it went back to another tender (a manager's « autre »),
 * what the drawer kept less that part, to the nickel.
 */
export function cashHandedBackFor(
  sale: Pick<SaleCash, 'exactCents' | 'keptCents'>,
  exactRefundedCents: number,
  saleCashUsedUp: boolean
): number {
  if (!saleCashUsedUp) return Math.min(toNickel(exactRefundedCents), sale.keptCents)
  // Negative: refunded in cash beyond the sale's cash.
  const notRefundedInCash = sale.exactCents - exactRefundedCents
  if (notRefundedInCash <= 0) return sale.keptCents + toNickel(-notRefundedInCash)
  return Math.min(Math.max(0, toNickel(sale.keptCents - notRefundedInCash)), sale.keptCents)
}

/**
 * The cash handed back for a refund whose cash part is exactCents on exact amounts. Rounded on
 * the running total, not on each refund alone: a sale refunded in several returns gives back
 * what it took (within 2 ¢ when some of it went back to another tender), however small its
 * parts — a part that rounds to nothing now is handed back with a later one.
 */
export function cashRefundCents(exactCents: number, sale: SaleCash): number {
  if (exactCents <= 0) return 0
  const saleCashUsedUp = exactCents >= sale.exactLeftCents
  return Math.max(0, cashHandedBackFor(sale, sale.refundedExactCents + exactCents, saleCashUsedUp) - sale.handedBackCents)
}

/** The parts handed back, cash rounded to the nickel, and that rounding (Σ parts − the refund). */
export interface RefundPlan<Part extends RefundPart = RefundPart> {
  parts: Part[]
  cashRoundingCents: number
}

/**
 * What the sale's cash still owes or holds beyond its exact amounts: the sale's own rounding less
 * the roundings its refunds have handed back so far (+ the customer is owed it, − was given it).
 */
export function pendingRoundingCents(sale: SaleCash): number {
  return sale.keptCents - sale.exactCents - (sale.handedBackCents - sale.refundedExactCents)
}

/**
 * Exact refund parts with the cash one as the drawer hands it back (dropped when it comes to
 * nothing). A refund with no cash part that uses up the last of the sale's cash (a manager's
 * « autre » beyond the sale's other tenders) settles the pending rounding on its last part, a
 * tender paid to the cent: the sale then gives back exactly what the drawer kept.
 */
export function roundCash<Part extends RefundPart>(parts: Part[], sale: SaleCash, usesUpSaleCash = false): RefundPlan<Part> {
  const exact = parts.find((part) => part.method === 'cash')
  if (!exact) return usesUpSaleCash ? settleOnLastPart(parts, pendingRoundingCents(sale)) : { parts, cashRoundingCents: 0 }
  const handed = cashRefundCents(exact.cents, sale)
  const rounded = parts.flatMap((part) => (part !== exact ? [part] : handed > 0 ? [{ ...part, cents: handed }] : []))
  return { parts: rounded, cashRoundingCents: handed - exact.cents }
}

/** The last part carries the adjustment, never below nothing: money is not taken back from the customer. */
function settleOnLastPart<Part extends RefundPart>(parts: Part[], adjustmentCents: number): RefundPlan<Part> {
  const last = parts.at(-1)
  if (!last || adjustmentCents === 0) return { parts, cashRoundingCents: 0 }
  const cents = Math.max(0, last.cents + adjustmentCents)
  const settled = cents > 0 ? [...parts.slice(0, -1), { ...last, cents }] : parts.slice(0, -1)
  return { parts: settled, cashRoundingCents: cents - last.cents }
}
