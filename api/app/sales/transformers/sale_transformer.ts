import { instantToWire } from '#core/instants'
import { centsToWire } from '#core/money'
import { ratePercent } from '#core/money_input'
import { PAYMENT_METHOD_WIRE, SALE_STATUS_WIRE } from '#sales/wire_names'
import { clerkReturnDeadline } from '#sales/return_window'
import type { SaleDetail } from '#sales/queries/sale_detail'

type SaleSummary = Pick<
  SaleDetail,
  | 'id'
  | 'receiptNumber'
  | 'storeId'
  | 'registerId'
  | 'registerSessionId'
  | 'clerkId'
  | 'status'
  | 'subtotalCents'
  | 'taxCents'
  | 'totalCents'
  | 'refundedCents'
>

/** The fields every view of a sale shows (list rows and the full sale). */
export function saleSummaryToWire(sale: SaleSummary, createdAt: string) {
  return {
    id: sale.id,
    numero_recu: sale.receiptNumber,
    magasin_id: sale.storeId,
    caisse_id: sale.registerId,
    session_id: sale.registerSessionId,
    caissier_id: sale.clerkId,
    statut: SALE_STATUS_WIRE[sale.status],
    sous_total: centsToWire(sale.subtotalCents),
    total_taxes: centsToWire(sale.taxCents),
    total: centsToWire(sale.totalCents),
    montant_rembourse: centsToWire(sale.refundedCents),
    cree_le: createdAt,
  }
}

export function saleToWire(sale: SaleDetail) {
  return {
    ...saleSummaryToWire(sale, instantToWire(sale.createdAt)),
    taxes: sale.taxes.map((t) => ({
      code: t.code,
      libelle: t.label,
      taux: ratePercent(t.ratePpm),
      numero_enregistrement: t.registrationNumber,
      montant: centsToWire(t.amountCents),
    })),
    paiements: sale.payments.map((p) => ({
      mode: PAYMENT_METHOD_WIRE[p.method],
      montant: centsToWire(p.amountCents),
      reference: p.reference,
    })),
    montant_paye: centsToWire(sale.paidCents),
    monnaie_rendue: centsToWire(sale.changeCents),
    // Cash settles to the nickel (ADR 0023): montant_paye − monnaie_rendue = total + arrondi_especes.
    arrondi_especes: centsToWire(sale.cashRoundingCents),
    lignes: sale.lines.map((l) => ({
      id: l.id,
      produit_id: l.productId,
      code: l.code,
      nom: l.name,
      quantite: l.quantity,
      prix_unitaire: centsToWire(l.unitPriceCents),
      total: centsToWire(l.lineTotalCents),
      quantite_retournee: l.returnedQuantity,
    })),
    retours: sale.returns.map((r) => ({
      id: r.id,
      total: centsToWire(r.totalCents),
      motif: r.reason,
      cree_le: instantToWire(r.createdAt),
    })),
    // montant_rembourse by tender (ADR 0017): what to reverse on each card, what left each drawer.
    remboursements_par_mode: sale.refundsByTender.map((r) => ({ mode: PAYMENT_METHOD_WIRE[r.method], montant: centsToWire(r.amountCents) })),
    // The window is the server's setting: a client that hard-coded 24 h would disagree with it.
    retour_caissier_jusqua: instantToWire(clerkReturnDeadline(sale.createdAt)),
  }
}
