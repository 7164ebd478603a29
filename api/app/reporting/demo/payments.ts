import { WeightedPicker, uniformInt, type Random } from '#reporting/demo/distributions'
import { CASH_TENDER_STEPS, PAYMENT_MIX } from '#reporting/demo/profiles'
import { toNickel } from '#sales/cash_rounding'

export type TenderMethod = 'cash' | 'card'

export interface Tender {
  method: TenderMethod
  amountCents: number
  reference: string | null
}

export interface Payment {
  kind: 'cash' | 'card' | 'split'
  tenders: Tender[]
  /** Σ tenders; always totalCents + cashRoundingCents + changeCents. */
  paidCents: number
  changeCents: number
  /** Cash settles to the nickel (ADR 0023): what the drawer keeps beyond the exact total. */
  cashRoundingCents: number
  /** What stays in the drawer: cash handed over minus change given. */
  cashKeptCents: number
}

const tenderSteps = new WeightedPicker(CASH_TENDER_STEPS)
const SPLIT_CASH_PARTS = [500, 1000, 2000, 5000]

/** The smallest multiple of `step` that covers `total` (a $20 bill for $13.47). */
export function roundUpTo(totalCents: number, step: number): number {
  if (step <= 0) return totalCents
  return Math.ceil(totalCents / step) * step
}

function cardTender(random: Random, amountCents: number): Tender {
  return { method: 'card', amountCents, reference: `AUTH${uniformInt(random, 100_000, 999_999)}` }
}

/**
 * How a customer pays `totalCents`: cash with a round amount and change,
 * card, or a round cash amount topped up by card. Whatever the draw, the
 * tenders satisfy paid − change = total + the cash rounding, with no change on card.
 */
export function choosePayment(random: Random, totalCents: number): Payment {
  // A free basket has nothing to tender (and payments rows must be positive).
  if (totalCents === 0) return { kind: 'card', tenders: [], paidCents: 0, changeCents: 0, cashRoundingCents: 0, cashKeptCents: 0 }
  const draw = random()
  // A cash total of 0.01 or 0.02 rounds to nothing: such a customer pays by card.
  if (draw < PAYMENT_MIX.cash && toNickel(totalCents) > 0) {
    const dueCents = toNickel(totalCents)
    const tendered = roundUpTo(dueCents, tenderSteps.pick(random))
    return {
      kind: 'cash',
      tenders: [{ method: 'cash', amountCents: tendered, reference: null }],
      paidCents: tendered,
      changeCents: tendered - dueCents,
      cashRoundingCents: dueCents - totalCents,
      cashKeptCents: dueCents,
    }
  }
  if (draw < PAYMENT_MIX.cash + PAYMENT_MIX.split) {
    const affordable = SPLIT_CASH_PARTS.filter((part) => part < totalCents)
    if (affordable.length > 0) {
      const cash = affordable[uniformInt(random, 0, affordable.length - 1)]
      return {
        kind: 'split',
        tenders: [
          { method: 'cash', amountCents: cash, reference: null },
          cardTender(random, totalCents - cash),
        ],
        paidCents: totalCents,
        changeCents: 0,
        cashRoundingCents: 0,
        cashKeptCents: cash,
      }
    }
  }
  return {
    kind: 'card',
    tenders: [cardTender(random, totalCents)],
    paidCents: totalCents,
    changeCents: 0,
    cashRoundingCents: 0,
    cashKeptCents: 0,
  }
}
