import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import type { SaleStatus } from '#sales/models/sale'
import type { PaymentMethod } from '#sales/models/payment'
import { soldCodeAndName } from '#sales/queries/sold_names'
import { inRefundOrder } from '#sales/refund_split'

export interface StoreHeader {
  name: string
  address: string | null
  phone: string | null
  email: string | null
}

export interface SaleDetail {
  id: number
  receiptNumber: string
  storeId: number
  registerId: number
  registerSessionId: number | null
  clerkId: number | null
  /** The store's name, address, phone and e-mail when the sale was made (null before migration 0013). */
  storeHeader: StoreHeader | null
  status: SaleStatus
  subtotalCents: number
  taxCents: number
  totalCents: number
  paidCents: number
  changeCents: number
  /** Σ payments − change − total: the cash due rounded to the nickel (ADR 0023), −2 to +2. */
  cashRoundingCents: number
  refundedCents: number
  createdAt: Date
  lines: {
    id: number
    lineNumber: number
    productId: number
    code: string
    name: string
    quantity: number
    unitPriceCents: number
    lineTotalCents: number
    returnedQuantity: number
  }[]
  taxes: { code: string; label: string; ratePpm: number; registrationNumber: string | null; amountCents: number }[]
  payments: { method: PaymentMethod; amountCents: number; reference: string | null }[]
  returns: { id: number; totalCents: number; createdAt: Date; reason: string }[]
  /** What went back to each tender over all the returns (ADR 0017): card, other, then cash; adds up to refundedCents + the returns' cash roundings. */
  refundsByTender: { method: PaymentMethod; amountCents: number }[]
}

/** A sale with everything about it, in five indexed queries. */
export async function loadSaleDetail(saleId: number): Promise<SaleDetail> {
  const sale = await db.from('sales').where('id', saleId).first()
  if (!sale) throw ApiError.notFound('Sale', saleId)
  const [lines, taxes, payments, returns, refunds] = await Promise.all([
    db
      .from('sale_lines')
      .join('products', 'products.id', 'sale_lines.product_id')
      .where('sale_lines.sale_id', saleId)
      .orderBy('sale_lines.line_number')
      .select('sale_lines.*', ...soldCodeAndName()),
    db.from('sale_taxes').where('sale_id', saleId).orderBy('id'),
    db.from('payments').where('sale_id', saleId).orderBy('id'),
    db.from('returns').where('sale_id', saleId).orderBy('id').select('id', 'total_cents', 'created_at', 'reason'),
    db
      .from('return_refunds')
      .join('returns', 'returns.id', 'return_refunds.return_id')
      .where('returns.sale_id', saleId)
      .groupBy('return_refunds.method')
      .select('return_refunds.method')
      .sum('return_refunds.amount_cents as cents'),
  ])
  return {
    id: sale.id,
    receiptNumber: sale.receipt_number,
    storeId: sale.store_id,
    registerId: sale.register_id,
    registerSessionId: sale.register_session_id,
    clerkId: sale.clerk_id,
    storeHeader: sale.store_header ?? null,
    status: sale.status,
    subtotalCents: sale.subtotal_cents,
    taxCents: sale.tax_cents,
    totalCents: sale.total_cents,
    paidCents: sale.paid_cents,
    changeCents: sale.change_cents,
    cashRoundingCents: sale.cash_rounding_cents,
    refundedCents: sale.refunded_cents,
    createdAt: sale.created_at,
    lines: lines.map((l) => ({
      id: l.id,
      lineNumber: l.line_number,
      productId: l.product_id,
      code: l.code,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      lineTotalCents: l.line_total_cents,
      returnedQuantity: l.returned_quantity,
    })),
    taxes: taxes.map((t) => ({
      code: t.code,
      label: t.label,
      ratePpm: t.rate_ppm,
      registrationNumber: t.registration_number,
      amountCents: t.amount_cents,
    })),
    payments: payments.map((p) => ({ method: p.method, amountCents: p.amount_cents, reference: p.reference })),
    returns: returns.map((r) => ({ id: r.id, totalCents: r.total_cents, createdAt: r.created_at, reason: r.reason })),
    refundsByTender: inRefundOrder(refunds).map((r) => ({ method: r.method, amountCents: Number(r.cents) })),
  }
}
