import { STOCK_STATUSES } from '#inventory/stock_status'
import { WIRE_STATUSES, REPLENISHMENT_ACTIONS } from '#inventory/replenishment_state'
import { WIRE_KINDS } from '#inventory/wire_names'

/* Response schemas of the inventory module (French wire names), registered from routes.ts. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const stamp = { type: ['string', 'null'], format: 'date-time' }
const userId = { type: ['integer', 'null'], description: 'User id; null when an integration token acted' }
const statut = { enum: [...STOCK_STATUSES], description: 'rupture (0), critique (≤ half the reorder point), faible (≤ reorder point), normal' }
const userRef = {
  type: ['object', 'null'],
  required: ['id', 'nom'],
  properties: { id: { type: 'integer' }, nom: { type: 'string', example: 'Gérant Démo' } },
  description: 'Who acted (full name); null when an integration token acted',
}
const productRef = {
  type: 'object',
  required: ['id', 'code', 'nom'],
  properties: { id: { type: 'integer' }, code: { type: 'string' }, nom: { type: 'string' } },
}

/** `demande_en_cours` of a stock line or a suggestion: the store's request for the product not yet received. */
export function inFlightRequestSchema(description: string) {
  return {
    type: ['object', 'null'],
    required: ['id', 'quantite', 'statut', 'demande_le'],
    properties: {
      id: { type: 'integer', description: 'GET /replenishments/{id}' },
      quantite: { type: 'integer' },
      statut: { enum: ['en_attente', 'validee', 'expediee'] },
      demande_le: { type: 'string', format: 'date-time' },
    },
    description,
  }
}

export const inventorySchemas: Record<string, Record<string, unknown>> = {
  StockLocationRef: {
    type: 'object',
    required: ['type', 'magasin_id', 'nom'],
    properties: {
      type: { enum: ['magasin', 'entrepot'] },
      magasin_id: { type: ['integer', 'null'] },
      nom: { type: 'string', example: 'Entrepôt central' },
    },
  },
  ProductRef: productRef,
  WarehouseStockItem: {
    type: 'object',
    required: ['produit_id', 'code', 'nom', 'quantite', 'seuil_reappro', 'statut'],
    properties: {
      produit_id: { type: 'integer' },
      code: { type: 'string', example: 'ALI001' },
      nom: { type: 'string', example: 'Pain' },
      quantite: { type: 'integer', minimum: 0 },
      seuil_reappro: { type: 'integer', minimum: 0 },
      statut,
    },
  },
  StockLevel: {
    type: 'object',
    required: ['emplacement', 'produit', 'quantite', 'seuil_reappro', 'statut'],
    properties: {
      emplacement: ref('StockLocationRef'),
      produit: ref('ProductRef'),
      quantite: { type: 'integer', minimum: 0 },
      seuil_reappro: { type: 'integer', minimum: 0 },
      statut,
    },
  },
  StockMovement: {
    type: 'object',
    required: ['id', 'emplacement', 'produit', 'quantite', 'solde_apres', 'type', 'reference', 'motif', 'utilisateur_id', 'utilisateur', 'cree_le'],
    properties: {
      id: { type: 'integer' },
      emplacement: ref('StockLocationRef'),
      produit: ref('ProductRef'),
      quantite: { type: 'integer', description: 'Signed change (negative = out)' },
      solde_apres: { type: 'integer', minimum: 0, description: 'Level right after this movement' },
      type: { enum: WIRE_KINDS },
      reference: {
        type: ['object', 'null'],
        description: 'What caused the movement (a sale, a request…); null for adjustments and receipts',
        required: ['type', 'id'],
        properties: { type: { type: 'string', example: 'demande_reappro' }, id: { type: ['integer', 'null'] } },
      },
      motif: { type: ['string', 'null'] },
      utilisateur_id: userId,
      utilisateur: userRef,
      cree_le: { type: 'string', format: 'date-time' },
    },
  },
  StockReceipt: {
    type: 'object',
    required: ['fournisseur', 'reference', 'mouvements'],
    properties: {
      fournisseur: { type: ['string', 'null'] },
      reference: { type: ['string', 'null'] },
      mouvements: { type: 'array', items: ref('StockMovement') },
    },
  },
  StockAlertCount: {
    type: 'object',
    required: ['total', 'ruptures', 'critiques', 'faibles'],
    properties: {
      total: { type: 'integer' },
      ruptures: { type: 'integer' },
      critiques: { type: 'integer' },
      faibles: { type: 'integer' },
    },
  },
  Replenishment: {
    type: 'object',
    required: ['id', 'magasin_id', 'magasin', 'produit_id', 'produit', 'quantite', 'note', 'statut', 'actions_possibles', 'demande_par', 'demande_le'],
    properties: {
      id: { type: 'integer' },
      magasin_id: { type: 'integer' },
      magasin: { type: 'object', required: ['id', 'nom'], properties: { id: { type: 'integer' }, nom: { type: 'string' } } },
      produit_id: { type: 'integer' },
      produit: ref('ProductRef'),
      quantite: { type: 'integer', minimum: 1 },
      note: { type: ['string', 'null'] },
      statut: { enum: WIRE_STATUSES },
      actions_possibles: { type: 'array', items: { enum: [...REPLENISHMENT_ACTIONS] } },
      demande_par: userId,
      demande_le: { type: 'string', format: 'date-time' },
      validee_par: userId,
      validee_le: stamp,
      expediee_par: userId,
      expediee_le: stamp,
      livree_par: userId,
      livree_le: stamp,
      refusee_par: userId,
      refusee_le: stamp,
      motif_refus: { type: ['string', 'null'] },
      annulee_par: userId,
      annulee_le: stamp,
      mis_a_jour_le: { type: 'string', format: 'date-time' },
    },
  },
  ReplenishmentDetail: {
    allOf: [
      ref('Replenishment'),
      {
        type: 'object',
        required: ['historique'],
        properties: {
          historique: {
            type: 'array',
            description: 'Transitions and quantity changes in the order they happened',
            items: {
              type: 'object',
              required: ['etape', 'le', 'par', 'motif', 'quantite_avant', 'quantite_apres'],
              properties: {
                etape: {
                  enum: ['demandee', 'quantite_modifiee', ...WIRE_STATUSES.filter((s) => s !== 'en_attente')],
                  description: 'quantite_modifiee: the quantity was changed while en_attente (PATCH /replenishments/{id})',
                },
                le: { type: 'string', format: 'date-time' },
                par: userRef,
                motif: { type: ['string', 'null'], description: 'The reason of a refusal' },
                quantite_avant: { type: ['integer', 'null'], description: 'quantite_modifiee: the quantity before the change (else null)' },
                quantite_apres: { type: ['integer', 'null'], description: 'quantite_modifiee: the quantity after the change (else null)' },
              },
            },
          },
        },
      },
    ],
  },
  ReplenishmentSuggestion: {
    type: 'object',
    required: [
      'magasin',
      'produit',
      'quantite',
      'seuil_reappro',
      'statut',
      'ventes_par_jour',
      'jours_restants',
      'en_cours',
      'demande_en_cours',
      'stock_entrepot',
      'quantite_suggeree',
      'priorite',
    ],
    properties: {
      magasin: { type: 'object', required: ['id', 'nom'], properties: { id: { type: 'integer' }, nom: { type: 'string' } } },
      produit: ref('ProductRef'),
      quantite: { type: 'integer' },
      seuil_reappro: { type: 'integer' },
      statut,
      ventes_par_jour: { type: 'number', description: 'Units sold over the last 30 days ÷ 30' },
      jours_restants: { type: ['number', 'null'], description: 'Days of cover; null when nothing sold' },
      en_cours: { type: 'integer', description: 'Units already requested and not yet received' },
      demande_en_cours: inFlightRequestSchema(
        'The request in flight for this store and product, or null: while there is one, POST /replenishments for them is a 409 REPLENISHMENT_IN_FLIGHT'
      ),
      stock_entrepot: { type: 'integer' },
      quantite_suggeree: { type: 'integer', minimum: 1 },
      priorite: { enum: ['URGENT', 'MOYEN'] },
    },
  },
}
