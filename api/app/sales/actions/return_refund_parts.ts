import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import { centsToWire } from '#core/money'
import type { Principal } from '#access/principal'
import type { PaymentMethod } from '#sales/models/payment'
import { refundableByTender, splitRefund, type RefundPart } from '#sales/refund_split'
import { roundCash, saleCashOf, type RefundPlan } from '#sales/cash_rounding'
import { PAYMENT_METHOD_FROM_WIRE, PAYMENT_METHOD_WIRE } from '#sales/wire_names'

/** The sale a return refunds, as create_return locked it. */
interface SaleToRefund {
  id: number
  change_cents: number
  cash_rounding_cents: number
}

/**
 * What each tender the sale used can still take back, on exact amounts (the sale's and its
 * returns' cash roundings set aside), read under the sale's lock; and what its cash still holds.
 */
async function refundableOf(trx: TransactionClientContract, sale: SaleToRefund) {
  const [paid, refunded, returnsRounding] = await Promise.all([
    trx.from('payments').where('sale_id', sale.id).groupBy('method').select('method').sum('amount_cents as cents'),
    trx
      .from('return_refunds')
      .join('returns', 'returns.id', 'return_refunds.return_id')
      .where('returns.sale_id', sale.id)
      .groupBy('return_refunds.method')
      .select('return_refunds.method')
      .sum('return_refunds.amount_cents as cents'),
    trx.from('returns').where('sale_id', sale.id).sum('cash_rounding_cents as cents').first(),
  ])
  const parts = (rows: { method: PaymentMethod; cents: string | number }[]) =>
    rows.map((row) => ({ method: row.method, cents: Number(row.cents) }))
  const cashOf = (rows: { method: PaymentMethod; cents: number }[]) => rows.find((row) => row.method === 'cash')?.cents ?? 0
  const handedBackCents = cashOf(parts(refunded))
  const returnsRoundingCents = Number(returnsRounding?.cents ?? 0)
  const refundedExactParts = [
    ...parts(refunded).filter((row) => row.method !== 'cash'),
    { method: 'cash' as const, cents: handedBackCents - returnsRoundingCents },
  ]
  const keptBeyondExact = sale.change_cents + sale.cash_rounding_cents
  const left = refundableByTender(parts(paid), keptBeyondExact, refundedExactParts)
  const cash = saleCashOf({
    cashTenderedCents: cashOf(parts(paid)),
    changeCents: sale.change_cents,
    roundingCents: sale.cash_rounding_cents,
    handedBackCents,
    returnsRoundingCents,
    exactLeftCents: left.get('cash') ?? 0,
  })
  // Whether refunding `refund` too leaves none of the sale's cash (it had some).
  const usesUpCash = (refund: RefundPart[]) =>
    (left.get('cash') ?? 0) > 0 && refundableByTender(parts(paid), keptBeyondExact, [...refundedExactParts, ...refund]).get('cash') === 0
  return { left, cash, usesUpCash }
}

/**
 * A refund goes back the way the sale was paid, and no tender gets back more
 * than it paid (ADR 0017). "original" (or no choice) splits across the
 * sale's tenders when no single one can hold it. A named tender is honoured
 * when it can hold the whole refund; else a 422 names its maximum, so an
 * integration that reads mode_remboursement never believes the whole amount
 * went back to a card that took less. Managers and admins may still refund
 * in cash or "other" beyond the sale's tenders (an expired card, a store
 * credit); a card is never refunded more than it was charged.
 */
export async function refundPartsFor(
  trx: TransactionClientContract,
  sale: SaleToRefund,
  wire: string | undefined,
  totalCents: number,
  principal: Principal
): Promise<RefundPlan> {
  const { left, cash, usesUpCash } = await refundableOf(trx, sale)
  if (!wire || wire === 'original') return roundCash(splitRefund(totalCents, left), cash)
  const method = PAYMENT_METHOD_FROM_WIRE[wire]
  if (totalCents === 0) return { parts: [], cashRoundingCents: 0 }
  const override = (principal.user?.role === 'manager' || principal.user?.role === 'admin') && method !== 'card'
  const refund = [{ method, cents: totalCents }]
  if ((left.get(method) ?? -1) >= totalCents || override) return roundCash(refund, cash, method !== 'cash' && usesUpCash(refund))
  throw left.has(method) ? refundOverTender(totalCents, left, wire, method) : refundNotLikeSale(totalCents, left, wire)
}

function refundableWire(left: Map<PaymentMethod, number>) {
  return Object.fromEntries([...left].map(([method, cents]) => [PAYMENT_METHOD_WIRE[method], Math.max(0, cents)]))
}

function refundNotLikeSale(totalCents: number, left: Map<PaymentMethod, number>, asked: string) {
  return ApiError.business(
    'The sale was not paid this way: refund it the way it was paid (original), or ask a manager',
    { mode_remboursement: asked, refund_cents: totalCents, max_cents: 0, refundable_cents: refundableWire(left) }
  )
}

function refundOverTender(totalCents: number, left: Map<PaymentMethod, number>, asked: string, method: PaymentMethod) {
  const max = Math.max(0, left.get(method)!)
  return ApiError.business(
    `This tender can refund at most ${centsToWire(max)} on this sale: choose original to split the refund over the sale’s tenders`,
    { mode_remboursement: asked, refund_cents: totalCents, max_cents: max, refundable_cents: refundableWire(left) }
  )
}
