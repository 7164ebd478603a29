/**
 * Sales tax arithmetic in integer cents. Each tax is computed on the
 * pre-tax subtotal (Quebec: TPS 5 %, TVQ 9.975 %, not compounded) and
 * rounded half-up once, on the sale total — never per line.
 */
export interface TaxRate {
  code: string
  label: string
  ratePpm: number
  registrationNumber: string | null
}

export interface TaxAmount extends TaxRate {
  baseCents: number
  amountCents: number
}

const PPM = 1_000_000

/** round_half_up(base × rate / 1e6) with integers only (base ≥ 0). */
export function taxOn(baseCents: number, ratePpm: number): number {
  return Math.floor((baseCents * ratePpm * 2 + PPM) / (2 * PPM))
}

export function computeTaxes(subtotalCents: number, rates: TaxRate[]): TaxAmount[] {
  return rates.map((rate) => ({ ...rate, baseCents: subtotalCents, amountCents: taxOn(subtotalCents, rate.ratePpm) }))
}

export function totalTax(taxes: TaxAmount[]): number {
  return taxes.reduce((sum, tax) => sum + tax.amountCents, 0)
}

/**
 * Tax to refund when `returnedNowCents` more of a sale's subtotal comes
 * back after `returnedBeforeCents` already did: the difference between the
 * tax on the cumulative returned subtotals. Successive partial returns then
 * never refund more than was charged, and returning everything refunds
 * exactly the tax of the sale.
 */
export function refundTaxes(
  charged: { code: string; ratePpm: number; amountCents: number }[],
  returnedBeforeCents: number,
  returnedNowCents: number
): { code: string; amountCents: number }[] {
  return charged.map((tax) => ({
    code: tax.code,
    amountCents: Math.min(
      taxOn(returnedBeforeCents + returnedNowCents, tax.ratePpm),
      tax.amountCents
    ) - Math.min(taxOn(returnedBeforeCents, tax.ratePpm), tax.amountCents),
  }))
}
