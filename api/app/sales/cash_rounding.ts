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
 * that. Tendering the exact due is always enough, as before rounding: an integration that
 * sends the exact total in cash keeps working (rounding up then takes only what was handed).
 */
export function settleCash(exactDueCents: number, tenderedCents: number): CashSettlement | null {
  const roundedDue = toNickel(exactDueCents)
  if (tenderedCents >= roundedDue) {
    return { keptCents: roundedDue, changeCents: tenderedCents - roundedDue, roundingCents: roundedDue - exactDueCents }
  }
  if (tenderedCents >= exactDueCents) {
    return { keptCents: tenderedCents, changeCents: 0, roundingCents: tenderedCents - exactDueCents }
  }
  return null
}

/** What a sale's cash still holds for refunds, as refundableByTender counts it and as the drawer does. */
export interface SaleCashLeft {
  /** On the exact amounts (what the split across tenders reads). */
  exactCents: number
  /** The drawer's side minus the exact side: the sale's rounding less its returns' roundings. */
  roundingCents: number
}

/**
 * The cash handed back for a refund whose cash part, on exact amounts, is exactCents: rounded to
 * the nickel. Within what the sale took in cash, never more than the drawer took for it, and the
 * return that completes the sale hands back exactly what is left (so a sale refunded in several
 * returns gives back what it took, not a few cents more or less). Beyond it (saleCash null, or a
 * manager's cash refund of a card sale) only the rounding applies.
 */
export function cashRefundCents(exactCents: number, saleCash: SaleCashLeft | null, completesSale: boolean): number {
  if (exactCents <= 0) return 0
  if (!saleCash || exactCents > saleCash.exactCents) return toNickel(exactCents)
  const drawerLeft = Math.max(0, saleCash.exactCents + saleCash.roundingCents)
  if (completesSale && exactCents === saleCash.exactCents) return drawerLeft
  return Math.min(toNickel(exactCents), drawerLeft)
}

/** The parts handed back, cash rounded to the nickel, and that rounding (Σ parts − the refund). */
export interface RefundPlan<Part extends RefundPart = RefundPart> {
  parts: Part[]
  cashRoundingCents: number
}

/** Exact refund parts with the cash one as the drawer hands it back (dropped when it rounds to nothing). */
export function roundCash<Part extends RefundPart>(parts: Part[], cash: SaleCashLeft | null, completesSale: boolean): RefundPlan<Part> {
  const exact = parts.find((part) => part.method === 'cash')
  if (!exact) return { parts, cashRoundingCents: 0 }
  const handed = cashRefundCents(exact.cents, cash, completesSale)
  const rounded = parts.flatMap((part) => (part !== exact ? [part] : handed > 0 ? [{ ...part, cents: handed }] : []))
  return { parts: rounded, cashRoundingCents: handed - exact.cents }
}
