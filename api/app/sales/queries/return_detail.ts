import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { instantToWire } from '#core/instants'
import { centsToWire } from '#core/money'
import { PAYMENT_METHOD_WIRE, SALE_STATUS_WIRE } from '#sales/wire_names'
import type { PaymentMethod } from '#sales/models/payment'
import type { SaleStatus } from '#sales/models/sale'
import { soldCodeAndName } from '#sales/queries/sold_names'
import { inRefundOrder } from '#sales/refund_split'

/** "mixte" when the refund was split across tenders (ADR 0017). */
export function refundMethodWire(method: string): string {
  if (method === 'mixed') return 'mixte'
  return PAYMENT_METHOD_WIRE[method as PaymentMethod] ?? method
}

/** A return as the API shows it, with the sale's state after it. */
export async function loadReturnWire(returnId: number) {
  const ret = await db.from('returns').where('id', returnId).first()
  if (!ret) throw ApiError.notFound('Return', returnId)
  const [lines, sale, refunds] = await Promise.all([
    db
      .from('return_lines')
      .join('sale_lines', 'sale_lines.id', 'return_lines.sale_line_id')
      .join('products', 'products.id', 'sale_lines.product_id')
      .where('return_lines.return_id', returnId)
      .orderBy('return_lines.id')
      .select('return_lines.*', 'sale_lines.product_id', ...soldCodeAndName()),
    db.from('sales').where('id', ret.sale_id).select('status', 'refunded_cents', 'total_cents').firstOrFail(),
    db.from('return_refunds').where('return_id', returnId).select('method', 'amount_cents'),
  ])
  return {
    id: ret.id,
    vente_id: ret.sale_id,
    motif: ret.reason,
    mode_remboursement: refundMethodWire(ret.refund_method),
    caisse_id: ret.register_id,
    remis_en_stock: Boolean(ret.restocked),
    // Each tender's part, in the order the clerk hands it back: card, other, then cash.
    remboursements: inRefundOrder(refunds).map((r) => ({
      mode: PAYMENT_METHOD_WIRE[r.method as PaymentMethod],
      montant: centsToWire(r.amount_cents),
    })),
    session_id: ret.register_session_id,
    utilisateur_id: ret.user_id,
    lignes: lines.map((l) => ({
      ligne_id: l.sale_line_id,
      produit_id: l.product_id,
      code: l.code,
      nom: l.name,
      quantite: l.quantity,
      montant: centsToWire(l.subtotal_cents),
      remis_en_stock: Boolean(l.restocked),
    })),
    sous_total: centsToWire(ret.subtotal_cents),
    total_taxes: centsToWire(ret.tax_cents),
    total: centsToWire(ret.total_cents),
    // Cash handed back rounds to the nickel (ADR 0023): Σ remboursements = total + arrondi_especes.
    arrondi_especes: centsToWire(ret.cash_rounding_cents),
    cree_le: instantToWire(new Date(ret.created_at)),
    vente: {
      statut: SALE_STATUS_WIRE[sale.status as SaleStatus],
      montant_rembourse: centsToWire(sale.refunded_cents),
      total: centsToWire(sale.total_cents),
    },
  }
}
