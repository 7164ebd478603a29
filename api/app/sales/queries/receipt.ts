import db from '@adonisjs/lucid/services/db'
import { centsToWire } from '#core/money'
import { loadSaleDetail } from '#sales/queries/sale_detail'
import { saleToWire } from '#sales/transformers/sale_transformer'

/** What a printed receipt shows: the sale plus who sold it, where and with which tax numbers. */
export async function loadReceipt(saleId: number) {
  const sale = await loadSaleDetail(saleId)
  // The header printed at the sale; today's for sales from before it was kept.
  const [store, register, clerk] = await Promise.all([
    sale.storeHeader ?? db.from('stores').where('id', sale.storeId).select('name', 'address', 'phone', 'email').firstOrFail(),
    db.from('registers').where('id', sale.registerId).select('number', 'name').firstOrFail(),
    sale.clerkId ? db.from('users').where('id', sale.clerkId).select('full_name').first() : null,
  ])
  const wire = saleToWire(sale)
  return {
    numero_recu: wire.numero_recu,
    date: wire.cree_le,
    magasin: { nom: store.name, adresse: store.address, telephone: store.phone, email: store.email },
    caisse: { numero: register.number, nom: register.name },
    caissier: clerk?.full_name ?? null,
    lignes: wire.lignes.map((l) => ({
      code: l.code,
      nom: l.nom,
      quantite: l.quantite,
      prix_unitaire: l.prix_unitaire,
      total: l.total,
      quantite_retournee: l.quantite_retournee,
    })),
    sous_total: wire.sous_total,
    taxes: wire.taxes,
    total: wire.total,
    paiements: wire.paiements,
    monnaie_rendue: wire.monnaie_rendue,
    arrondi_especes: wire.arrondi_especes,
    montant_rembourse: wire.montant_rembourse,
    // What to give back per tender is on the reprint too (ADR 0017), as on the sale.
    remboursements_par_mode: wire.remboursements_par_mode,
    net: centsToWire(sale.totalCents - sale.refundedCents),
    statut: wire.statut,
  }
}
