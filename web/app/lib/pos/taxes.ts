// The sale total a clerk sees before paying: the API's rules, re-done in the
// browser and on the web server so the total shows without a round trip.
// The API recomputes everything from its own prices and rates when the sale
// is recorded; its answer (the receipt) is the truth.
//
// Rules (api/app/sales/taxes.ts): integer cents; every tax on the pre-tax
// subtotal (not compounded), rounded half-up once on the sale total.

export interface TaxRate {
  code: string
  /** Label as printed, e.g. "TPS (5 %)". */
  label: string
  /** Parts per million: 5 % = 50 000. */
  ratePpm: number
}

/**
 * Quebec's sales taxes, the ones every store collects today. The API holds the
 * real rates per store (store_tax_rates) but does not publish them yet; see
 * docs/decisions for why the preview carries a copy.
 */
export const PREVIEW_TAX_RATES: readonly TaxRate[] = [
  { code: 'TPS', label: 'TPS (5 %)', ratePpm: 50_000 },
  { code: 'TVQ', label: 'TVQ (9,975 %)', ratePpm: 99_750 },
]

const PPM = 1_000_000

/** round_half_up(base × rate / 1e6) with integers only, exactly as the API does. */
export function taxOn(baseCents: number, ratePpm: number): number {
  return Math.floor((baseCents * ratePpm * 2 + PPM) / (2 * PPM))
}

export interface PricedLine {
  unitPriceCents: number
  quantity: number
}

export interface TotalsPreview {
  subtotalCents: number
  taxes: { code: string; label: string; amountCents: number }[]
  taxCents: number
  totalCents: number
}

export function previewTotals(lines: readonly PricedLine[], rates: readonly TaxRate[] = PREVIEW_TAX_RATES): TotalsPreview {
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0)
  const taxes = rates.map((rate) => ({ code: rate.code, label: rate.label, amountCents: taxOn(subtotalCents, rate.ratePpm) }))
  const taxCents = taxes.reduce((sum, tax) => sum + tax.amountCents, 0)
  return { subtotalCents, taxes, taxCents, totalCents: subtotalCents + taxCents }
}

export interface Tender {
  cardCents: number
  cashCents: number
}

/**
 * How a payment settles a total, by the API's rule: tenders must cover the
 * total and only cash may exceed it (the excess is the change, in cash).
 */
export function settle(totalCents: number, { cardCents, cashCents }: Tender) {
  const paidCents = cardCents + cashCents
  const missingCents = Math.max(0, totalCents - paidCents)
  const changeCents = Math.max(0, paidCents - totalCents)
  return {
    paidCents,
    missingCents,
    changeCents,
    /** The card alone pays more than the total: the API refuses that. */
    cardExceedsTotal: cardCents > totalCents,
    covered: missingCents === 0 && changeCents <= cashCents,
  }
}
