/* Response schemas of the sales module (wire format, French names). */
const money = { $ref: '#/components/schemas/Money' }
const nullableInt = { type: ['integer', 'null'] }

const taxLine = {
  type: 'object',
  properties: {
    code: { type: 'string', example: 'TPS' },
    libelle: { type: 'string' },
    taux: { type: 'string', example: '5.000' },
    numero_enregistrement: { type: ['string', 'null'] },
    montant: money,
  },
}

const payment = {
  type: 'object',
  properties: { mode: { enum: ['especes', 'carte', 'autre'] }, montant: money, reference: { type: ['string', 'null'] } },
}

export const salesSchemas: Record<string, Record<string, unknown>> = {
  Sale: {
    type: 'object',
    required: ['id', 'numero_recu', 'magasin_id', 'caisse_id', 'statut', 'sous_total', 'taxes', 'total', 'paiements', 'lignes'],
    properties: {
      id: { type: 'integer' },
      numero_recu: { type: 'string', example: 'S1-R2-00000042' },
      magasin_id: { type: 'integer' },
      caisse_id: { type: 'integer' },
      session_id: nullableInt,
      caissier_id: nullableInt,
      statut: { enum: ['terminee', 'partiellement_retournee', 'retournee'] },
      sous_total: money,
      taxes: { type: 'array', items: taxLine },
      total_taxes: money,
      total: money,
      paiements: { type: 'array', items: payment },
      montant_paye: money,
      monnaie_rendue: money,
      montant_rembourse: money,
      lignes: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            produit_id: { type: 'integer' },
            code: { type: 'string' },
            nom: { type: 'string' },
            quantite: { type: 'integer' },
            prix_unitaire: money,
            total: money,
            quantite_retournee: { type: 'integer' },
          },
        },
      },
      retours: { type: 'array', items: { type: 'object' } },
      cree_le: { type: 'string', format: 'date-time' },
    },
  },
  SaleListItem: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      numero_recu: { type: 'string' },
      magasin_id: { type: 'integer' },
      caisse_id: { type: 'integer' },
      session_id: nullableInt,
      caissier_id: nullableInt,
      statut: { type: 'string' },
      sous_total: money,
      total_taxes: money,
      total: money,
      montant_rembourse: money,
      cree_le: { type: 'string', format: 'date-time' },
    },
  },
  Receipt: {
    type: 'object',
    properties: {
      numero_recu: { type: 'string' },
      date: { type: 'string', format: 'date-time' },
      magasin: { type: 'object' },
      caisse: { type: 'object' },
      caissier: { type: ['string', 'null'] },
      lignes: { type: 'array', items: { type: 'object' } },
      sous_total: money,
      taxes: { type: 'array', items: taxLine },
      total: money,
      paiements: { type: 'array', items: payment },
      monnaie_rendue: money,
      montant_rembourse: money,
      net: money,
      statut: { type: 'string' },
    },
  },
  RegisterSession: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      caisse_id: { type: 'integer' },
      statut: { enum: ['ouverte', 'fermee'] },
      fond_de_caisse: money,
      ouverte_le: { type: 'string', format: 'date-time' },
      fermee_le: { type: ['string', 'null'], format: 'date-time' },
      rapport: {
        type: 'object',
        description: 'X report while open, Z report once closed',
        properties: {
          type: { enum: ['X', 'Z'] },
          especes_attendues: money,
          especes_comptees: { oneOf: [money, { type: 'null' }] },
          ecart: { oneOf: [money, { type: 'null' }] },
        },
      },
    },
  },
  Return: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      vente_id: { type: 'integer' },
      motif: { type: 'string' },
      mode_remboursement: { enum: ['especes', 'carte', 'autre'] },
      lignes: { type: 'array', items: { type: 'object' } },
      sous_total: money,
      total_taxes: money,
      total: money,
      vente: { type: 'object' },
    },
  },
}
