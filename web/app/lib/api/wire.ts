// Shapes the OpenAPI document leaves loose (objects described as "object"):
// what the API actually sends, per api/app/sales/queries/*. When the API
// describes them, these become aliases of the generated types.

export type PaymentMode = 'especes' | 'carte' | 'autre'

export interface ReceiptWire {
  numero_recu: string
  date: string
  magasin: { nom: string; adresse: string | null; telephone: string | null; email: string | null }
  caisse: { numero: number; nom: string }
  caissier: string | null
  lignes: { code: string; nom: string; quantite: number; prix_unitaire: string; total: string; quantite_retournee: number }[]
  sous_total: string
  taxes: { code: string; libelle: string; taux: string; numero_enregistrement: string | null; montant: string }[]
  total: string
  paiements: { mode: PaymentMode; montant: string; reference: string | null }[]
  monnaie_rendue: string
  montant_rembourse: string
  net: string
  statut: 'terminee' | 'partiellement_retournee' | 'retournee'
}

export interface SessionReportWire {
  id: number
  caisse_id: number
  statut: 'ouverte' | 'fermee'
  ouverte_par: number | null
  ouverte_le: string
  fond_de_caisse: string
  fermee_par: number | null
  fermee_le: string | null
  note: string | null
  rapport: {
    type: 'X' | 'Z'
    ventes: { nombre: number; sous_total: string; taxes: { code: string; montant: string }[]; total: string }
    paiements: { mode: PaymentMode; montant: string }[]
    retours: { nombre: number; total: string; especes: string }
    especes_attendues: string
    especes_comptees: string | null
    ecart: string | null
  }
}

export interface ReturnWire {
  id: number
  vente_id: number
  motif: string
  mode_remboursement: PaymentMode
  session_id: number | null
  lignes: { ligne_id: number; produit_id: number; code: string; nom: string; quantite: number; montant: string }[]
  sous_total: string
  total_taxes: string
  total: string
  cree_le: string
  vente: { statut: ReceiptWire['statut']; montant_rembourse: string; total: string }
}
