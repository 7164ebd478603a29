import { computeTaxes, totalTax, type TaxRate } from '#sales/taxes'

export interface ReturnedLine {
  quantity: number
  unitPriceCents: number
}

export interface Refund {
  /** Per returned line, quantity × unit price (the price paid, not today's). */
  lineSubtotals: number[]
  subtotalCents: number
  taxCents: number
  totalCents: number
}

/**
 * What a return gives back: the returned lines' subtotal plus each tax
 * computed with the sale's own function on that subtotal (half-up, once per
 * tax). Rounding choice: taxes are recomputed on the returned subtotal rather
 * than prorated from the sale's tax, so a full return refunds exactly the
 * sale's total and a partial one can never exceed it (taxOn is monotonic).
 * The generator makes at most one return per sale, so refunds never add up
 * past the total either, and the amount equals what `refundTaxes` (the live
 * return action's cumulative rule) gives for a sale's first return.
 */
export function computeRefund(lines: ReturnedLine[], rates: TaxRate[]): Refund {
  const lineSubtotals = lines.map((line) => line.quantity * line.unitPriceCents)
  const subtotalCents = lineSubtotals.reduce((sum, value) => sum + value, 0)
  const taxCents = totalTax(computeTaxes(subtotalCents, rates))
  return { lineSubtotals, subtotalCents, taxCents, totalCents: subtotalCents + taxCents }
}
