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
 * Cash settles to the nickel (ADR 0023, api/app/sales/cash_rounding.ts): 1 and 2 ¢ round
 * down, 3 and 4 ¢ up. 8,22 $ is 8,20 $ in cash; a card pays to the cent. Amounts due are never
 * negative here (the card may not pay more than the total).
 */
export function toNickel(cents: number): number {
  if (cents < 0) throw new RangeError(`toNickel expects an amount due, got ${cents}`)
  const rest = cents % 5
  return rest < 3 ? cents - rest : cents - rest + 5
}

/** What « Espèces exactes » tenders: the total to the nickel, or as it is when that rounds to nothing (0,01–0,02 $). */
export function exactCashCents(totalCents: number): number {
  return toNickel(totalCents) || totalCents
}

/**
 * How a payment settles a total, by the API's rule (settleCash): the card pays
 * at most the total, and what it leaves is due in cash rounded to the nickel;
 * the cash beyond that is the change. The exact amount settles it as handed.
 */
export function settle(totalCents: number, { cardCents, cashCents }: Tender) {
  const cardExceedsTotal = cardCents > totalCents
  const exactDueCents = Math.max(0, totalCents - cardCents)
  const roundedDueCents = toNickel(exactDueCents)
  let keptCents = 0
  let missingCents = 0
  if (cashCents === 0) missingCents = exactDueCents
  else if (cashCents > exactDueCents && cashCents >= roundedDueCents) keptCents = roundedDueCents
  // From the lower of the exact and rounded dues up to the higher (cent coins are legal tender): kept as handed, no change.
  else if (cashCents >= Math.min(exactDueCents, roundedDueCents)) keptCents = cashCents
  else missingCents = roundedDueCents - cashCents
  return {
    paidCents: cardCents + cashCents,
    missingCents,
    changeCents: missingCents > 0 ? 0 : cashCents - keptCents,
    /** What the drawer keeps beyond the exact amount due: −2 to +2 cents. */
    cashRoundingCents: cashCents > 0 && missingCents === 0 ? keptCents - exactDueCents : 0,
    /** The card alone pays more than the total: the API refuses that. */
    cardExceedsTotal,
    covered: missingCents === 0 && !cardExceedsTotal,
  }
}
