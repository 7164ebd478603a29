/*
 * OpenAPI examples of the sales module: one sale at Magasin Centre-Ville,
 * register 2 (2 × Pain, 1 × Jus d'orange, 3 × Pâtes, paid 5.00 by card and
 * 10.00 in cash), its receipt, a partial return and the drawer's reports.
 * The figures are the ones the API computes for that basket.
 */
const at = '2026-11-24T14:32:05.120Z'
const openedAt = '2026-11-24T12:58:41.310Z'
const closedAt = '2026-11-24T21:04:12.870Z'

const taxes = [
  { code: 'TPS', libelle: 'TPS (5 %)', taux: '5.000', numero_enregistrement: '113809034 RT0001', montant: '0.36' },
  { code: 'TVQ', libelle: 'TVQ (9,975 %)', taux: '9.975', numero_enregistrement: '6336222930 TQ0001', montant: '0.71' },
]
const paiements = [
  { mode: 'carte', montant: '5.00', reference: 'VISA-4821' },
  { mode: 'especes', montant: '10.00', reference: null },
]
const lignes = [
  { id: 5521, produit_id: 1, code: 'ALI001', nom: 'Pain', quantite: 2, prix_unitaire: '1.20', total: '2.40', quantite_retournee: 0 },
  { id: 5522, produit_id: 7, code: 'BOI002', nom: "Jus d'orange", quantite: 1, prix_unitaire: '1.90', total: '1.90', quantite_retournee: 0 },
  { id: 5523, produit_id: 5, code: 'ALI005', nom: 'Pâtes', quantite: 3, prix_unitaire: '0.95', total: '2.85', quantite_retournee: 0 },
]

const saleListItem = {
  id: 1842,
  numero_recu: 'S1-R2-00001842',
  magasin_id: 1,
  caisse_id: 2,
  session_id: 311,
  caissier_id: 7,
  statut: 'terminee',
  sous_total: '7.15',
  total_taxes: '1.07',
  total: '8.22',
  montant_rembourse: '0.00',
  cree_le: at,
}

const sale = {
  ...saleListItem,
  taxes,
  paiements,
  montant_paye: '15.00',
  // 3.22 left for cash, due 3.20 (ADR 0023).
  monnaie_rendue: '6.80',
  arrondi_especes: '-0.02',
  lignes,
  retours: [],
  remboursements_par_mode: [],
  retour_caissier_jusqua: '2026-11-25T14:32:05.120Z',
}

const partialReturn = {
  id: 96,
  vente_id: 1842,
  motif: 'Pain rassis',
  mode_remboursement: 'especes',
  caisse_id: 2,
  remis_en_stock: true,
  remboursements: [{ mode: 'especes', montant: '1.40' }],
  session_id: 311,
  utilisateur_id: 7,
  lignes: [{ ligne_id: 5521, produit_id: 1, code: 'ALI001', nom: 'Pain', quantite: 1, montant: '1.20', remis_en_stock: true }],
  sous_total: '1.20',
  total_taxes: '0.18',
  total: '1.38',
  arrondi_especes: '0.02',
  cree_le: '2026-11-24T15:10:44.902Z',
  vente: { statut: 'partiellement_retournee', montant_rembourse: '1.38', total: '8.22' },
}

const session = {
  id: 311,
  caisse_id: 2,
  statut: 'ouverte',
  ouverte_par: 7,
  ouverte_le: openedAt,
  fond_de_caisse: '150.00',
  fermee_par: null,
  fermee_le: null,
  note: 'Ouverture du matin',
}

/** The X report after that sale and its return: cash = 150.00 + 10.00 − 6.80 change − 1.40 refunded. */
const xReport = {
  type: 'X',
  ventes: {
    nombre: 1,
    sous_total: '7.15',
    taxes: taxes.map(({ code, montant }) => ({ code, montant })),
    total: '8.22',
    arrondi_especes: '-0.02',
  },
  paiements: [
    { mode: 'carte', montant: '5.00' },
    { mode: 'especes', montant: '3.20' },
  ],
  retours: { nombre: 1, total: '1.38', especes: '1.40', arrondi_especes: '0.02', par_mode: [{ mode: 'especes', montant: '1.40' }] },
  especes_attendues: '151.80',
  especes_comptees: null,
  ecart: null,
}

export const salesExamples: Record<string, unknown> = {
  Sale: sale,
  SaleListItem: saleListItem,
  // The closed session of closedSession below, as a register's history lists it.
  RegisterSessionListItem: {
    ...session,
    statut: 'fermee',
    fermee_par: 7,
    fermee_le: closedAt,
    note: 'Fin de journée',
    especes_attendues: '151.80',
    especes_comptees: '151.80',
    ecart: '0.00',
  },
  // A bottle taken back two days after the sale: past the clerks' period, a manager authorised it.
  ReturnListItem: {
    id: 311,
    vente_id: 1842,
    numero_recu: 'S1-R2-00001842',
    magasin_id: 1,
    caisse_id: 2,
    cree_le: '2026-11-26T15:12:00.000Z',
    motif: 'Bouteille fêlée',
    mode_remboursement: 'especes',
    total: '1.38',
    remis_en_stock: false,
    par: { id: 2, nom_complet: 'Gérante Principale' },
    hors_delai_caissier: true,
  },
  Receipt: {
    numero_recu: 'S1-R2-00001842',
    date: at,
    magasin: { nom: 'Magasin Centre-Ville', adresse: '123 Rue Principale', telephone: '514-555-0001', email: 'centre@magasin.com' },
    caisse: { numero: 2, nom: 'Caisse 2' },
    caissier: 'Julie Tremblay',
    lignes: lignes.map(({ code, nom, quantite, prix_unitaire, total, quantite_retournee }) => ({ code, nom, quantite, prix_unitaire, total, quantite_retournee })),
    sous_total: '7.15',
    taxes,
    total: '8.22',
    paiements,
    monnaie_rendue: '6.80',
    arrondi_especes: '-0.02',
    montant_rembourse: '0.00',
    remboursements_par_mode: [],
    net: '8.22',
    statut: 'terminee',
  },
  Return: partialReturn,
  RegisterSession: { ...session, rapport: xReport },
}

/* Responses of one operation that differ from the component example. */
export const salesResponseExamples = {
  /** The sale after the partial return (1.40 in cash) and the cancellation (5.00 card + 1.80 cash) below. */
  returnedSale: {
    ...sale,
    statut: 'retournee',
    montant_rembourse: '8.22',
    lignes: lignes.map((line) => ({ ...line, quantite_retournee: line.quantite })),
    retours: [
      { id: 96, total: '1.38', motif: 'Pain rassis', cree_le: '2026-11-24T15:10:44.902Z' },
      { id: 97, total: '6.84', motif: 'Annulation de la vente', cree_le: '2026-11-24T15:12:03.415Z' },
    ],
    remboursements_par_mode: [
      { mode: 'carte', montant: '5.00' },
      { mode: 'especes', montant: '3.20' },
    ],
  },
  openedSession: {
    ...session,
    rapport: {
      type: 'X',
      ventes: { nombre: 0, sous_total: '0.00', taxes: [], total: '0.00', arrondi_especes: '0.00' },
      paiements: [],
      retours: { nombre: 0, total: '0.00', especes: '0.00', arrondi_especes: '0.00', par_mode: [] },
      especes_attendues: '150.00',
      especes_comptees: null,
      ecart: null,
    },
  },
  closedSession: {
    ...session,
    statut: 'fermee',
    fermee_par: 7,
    fermee_le: closedAt,
    note: 'Fin de journée',
    rapport: { ...xReport, type: 'Z', especes_comptees: '151.80', ecart: '0.00' },
  },
  cancellation: {
    ...partialReturn,
    id: 97,
    motif: 'Annulation de la vente',
    // 6.84 fits neither the card's 5.00 nor the 1.84 of cash left (3.22 − 1.38): split. It completes the
    // sale, so the drawer hands back what it still holds for it: 3.20 kept − 1.40 refunded = 1.80.
    mode_remboursement: 'mixte',
    remboursements: [
      { mode: 'carte', montant: '5.00' },
      { mode: 'especes', montant: '1.80' },
    ],
    lignes: [
      { ligne_id: 5521, produit_id: 1, code: 'ALI001', nom: 'Pain', quantite: 1, montant: '1.20', remis_en_stock: true },
      { ligne_id: 5522, produit_id: 7, code: 'BOI002', nom: "Jus d'orange", quantite: 1, montant: '1.90', remis_en_stock: true },
      { ligne_id: 5523, produit_id: 5, code: 'ALI005', nom: 'Pâtes', quantite: 3, montant: '2.85', remis_en_stock: true },
    ],
    sous_total: '5.95',
    total_taxes: '0.89',
    total: '6.84',
    arrondi_especes: '-0.04',
    cree_le: '2026-11-24T15:12:03.415Z',
    vente: { statut: 'retournee', montant_rembourse: '8.22', total: '8.22' },
  },
}

/* Request bodies. */
export const salesBodyExamples = {
  createSale: {
    caisse_id: 2,
    lignes: [
      { code: 'ALI001', quantite: 2 },
      { produit_id: 7, quantite: 1 },
      { code: 'ALI005', quantite: 3 },
    ],
    paiements: [
      { mode: 'carte', montant: '5.00', reference: 'VISA-4821' },
      { mode: 'especes', montant: '10.00' },
    ],
  },
  createReturn: { lignes: [{ ligne_id: 5521, quantite: 1 }], motif: 'Pain rassis', mode_remboursement: 'original' },
  cancelSale: { motif: 'Annulation de la vente', mode_remboursement: 'original' },
  openSession: { fond_de_caisse: '150.00', note: 'Ouverture du matin' },
  closeSession: { especes_comptees: '151.80', note: 'Fin de journée' },
}
