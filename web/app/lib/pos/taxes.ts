// The sale total a clerk sees before paying: the API's rules, re-done in the
// browser and on the web server so the total shows without a round trip.
// The API recomputes everything from its own prices and rates when the sale
// is recorded; its answer (the receipt) is the truth.
//
// Rules (api/app/sales/taxes.ts): integer cents; every tax on the pre-tax
// subtotal (not compounded), rounded half-up once on the sale total. The
// rates are the store's own, from GET /stores/{id} (ADR 0010).

export interface TaxRate {
  code: string
  /** The store's own label, e.g. "TPS (5 %)": shown for a tax the dictionaries do not name. */
  label: string
  /** Parts per million: 5 % = 50 000. */
  ratePpm: number
}

/** A tax as GET /stores/{id} publishes it: the rate in percent with three decimals ("9.975"). */
export interface StoreTaxWire {
  code: string
  libelle: string
  taux: string
}

/**
 * "9.975" → 99 750 ppm, read digit by digit: a float (9.975 × 10 000) could
 * land a hair off the integer the API's arithmetic uses.
 */
export function ratePpmFromPercent(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(percent)
  // A rate we cannot read exactly would make a total the API does not charge: fail loudly instead.
  if (!match) throw new RangeError(`tax rate "${percent}" is not a percent with up to four decimals`)
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'))
}

/** The taxes a store collects, in its receipt order, as the preview needs them. */
export function storeTaxRates(taxes: readonly StoreTaxWire[]): TaxRate[] {
  return taxes.map((tax) => ({ code: tax.code, label: tax.libelle, ratePpm: ratePpmFromPercent(tax.taux) }))
}

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
  taxes: (TaxRate & { amountCents: number })[]
  taxCents: number
  totalCents: number
}

/** `rates`: the register's store's taxes (storeTaxRates), the ones the API will charge. */
export function previewTotals(lines: readonly PricedLine[], rates: readonly TaxRate[]): TotalsPreview {
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0)
  const taxes = rates.map((rate) => ({ ...rate, amountCents: taxOn(subtotalCents, rate.ratePpm) }))
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
