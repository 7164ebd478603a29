import { ApiError } from '#core/api_error'
import { errorResponse, missingScope, validationError } from '#core/openapi/errors'
import { quantityChanged } from '#inventory/actions/approve_replenishment'
import { inFlightConflict } from '#inventory/actions/create_replenishment'

/*
 * OpenAPI examples of the inventory module: milk (ALI002) running low at
 * Magasin Centre-Ville and the request that brings 40 units from the
 * central warehouse, from en_attente to livree.
 */
const store = { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' }
const warehouse = { type: 'entrepot', magasin_id: null, nom: 'Entrepôt central' }
const lait = { id: 2, code: 'ALI002', nom: 'Lait' }
const manager = { id: 3, nom: 'Marc Gagnon' }

const movement = {
  id: 4821,
  emplacement: store,
  produit: lait,
  quantite: -2,
  solde_apres: 7,
  type: 'ajustement',
  reference: null,
  motif: 'Casse',
  utilisateur_id: 3,
  utilisateur: manager,
  cree_le: '2026-11-24T10:02:17.400Z',
}

const request = {
  id: 57,
  magasin_id: 1,
  magasin: { id: 1, nom: 'Magasin Centre-Ville' },
  produit_id: 2,
  produit: lait,
  quantite: 40,
  note: 'Week-end de Pâques',
  statut: 'livree',
  actions_possibles: [],
  demande_par: 7,
  demande_le: '2026-11-22T09:12:44.000Z',
  validee_par: 3,
  validee_le: '2026-11-22T11:30:02.000Z',
  expediee_par: 3,
  expediee_le: '2026-11-23T07:45:10.000Z',
  livree_par: 7,
  livree_le: '2026-11-23T15:20:36.000Z',
  refusee_par: null,
  refusee_le: null,
  motif_refus: null,
  annulee_par: null,
  annulee_le: null,
  mis_a_jour_le: '2026-11-23T15:20:36.000Z',
}
const julie = { id: 7, nom: 'Julie Tremblay' }

export const inventoryExamples: Record<string, unknown> = {
  StockLocationRef: store,
  ProductRef: lait,
  WarehouseStockItem: { produit_id: 2, code: 'ALI002', nom: 'Lait', quantite: 1859, seuil_reappro: 127, statut: 'normal' },
  StockLevel: { emplacement: store, produit: lait, quantite: 7, seuil_reappro: 15, statut: 'critique' },
  StockMovement: movement,
  StockReceipt: {
    fournisseur: 'Laiterie Beauce',
    reference: 'BL-2026-0042',
    mouvements: [
      {
        ...movement,
        id: 4822,
        emplacement: warehouse,
        quantite: 200,
        solde_apres: 2059,
        type: 'reception',
        motif: 'Réception fournisseur — Laiterie Beauce — réf. BL-2026-0042',
      },
    ],
  },
  StockAlertCount: { total: 6, ruptures: 1, critiques: 2, faibles: 3 },
  Replenishment: request,
  ReplenishmentDetail: {
    ...request,
    historique: [
      { etape: 'demandee', le: '2026-11-22T09:12:44.000Z', par: julie, motif: null, quantite_avant: null, quantite_apres: null },
      { etape: 'quantite_modifiee', le: '2026-11-22T09:40:05.000Z', par: julie, motif: null, quantite_avant: 25, quantite_apres: 40 },
      { etape: 'validee', le: '2026-11-22T11:30:02.000Z', par: manager, motif: null, quantite_avant: null, quantite_apres: null },
      { etape: 'expediee', le: '2026-11-23T07:45:10.000Z', par: manager, motif: null, quantite_avant: null, quantite_apres: null },
      { etape: 'livree', le: '2026-11-23T15:20:36.000Z', par: julie, motif: null, quantite_avant: null, quantite_apres: null },
    ],
  },
  ReplenishmentSuggestion: {
    magasin: { id: 1, nom: 'Magasin Centre-Ville' },
    produit: lait,
    quantite: 7,
    seuil_reappro: 15,
    statut: 'critique',
    ventes_par_jour: 2.4,
    jours_restants: 2.9,
    en_cours: 0,
    demande_en_cours: null,
    stock_entrepot: 1859,
    quantite_suggeree: 57,
    priorite: 'URGENT',
  },
}

/* A new request answers en_attente with what can be done next. */
export const pendingRequestExample = {
  ...request,
  statut: 'en_attente',
  actions_possibles: ['approve', 'reject', 'cancel'],
  validee_par: null,
  validee_le: null,
  expediee_par: null,
  expediee_le: null,
  livree_par: null,
  livree_le: null,
  mis_a_jour_le: '2026-11-22T09:12:44.000Z',
}

export const inventoryBodyExamples = {
  adjustment: { magasin_id: 1, produit_id: 2, quantite: -2, motif: 'Casse' },
  reorderPoint: { entrepot: true, produit_id: 2, seuil_reappro: 150 },
  receipt: { fournisseur: 'Laiterie Beauce', reference: 'BL-2026-0042', lignes: [{ produit_id: 2, quantite: 200 }] },
  replenishment: { magasin_id: 1, produit_id: 2, quantite: 40, note: 'Week-end de Pâques' },
  reject: { motif: 'Stock suffisant en magasin' },
  approve: { quantite: 40 },
  changeQuantity: { quantite: 60 },
  noFields: {},
}

/* Also the catalogue's examples of their codes (GET /errors). */
export const quantityChangedExample = quantityChanged({ id: 57, quantity: 60 }, 40)

export const inFlightExample = inFlightConflict(
  { magasin_id: 1, produit_id: 2 },
  { id: 57, statut: 'validee', quantite: 40, demande_le: '2026-11-24T14:02:11.000Z' }
)

/* An approval the central warehouse cannot cover. */
const warehouseShort = ApiError.conflict('INSUFFICIENT_STOCK', 'Not enough stock for Lait', {
  emplacement: { type: 'entrepot', magasin_id: null, nom: 'Entrepôt central' },
  items: [{ product_id: 2, product: 'Lait', requested: 40, available: 12 }],
})

const clerkOtherStore = ApiError.forbidden('A clerk can only see their own store', { own_store_id: 1 })
const insufficient = ApiError.conflict('INSUFFICIENT_STOCK', 'Not enough stock for Lait', {
  emplacement: { type: 'magasin', magasin_id: 1, nom: 'Magasin Centre-Ville' },
  items: [{ product_id: 2, product: 'Lait', requested: 10, available: 7 }],
})

/* The errors of the inventory routes, as the actions and services raise them. */
export const inventoryErrors = {
  readForbidden: errorResponse('The token lacks the read scope, or a clerk asks for another store', missingScope(['read']), clerkOtherStore),
  writeForbidden: errorResponse(
    'The token lacks the write scope, or the role may not do this',
    missingScope(['write']),
    ApiError.forbidden('This action needs the role manager or admin', { required_roles: ['manager', 'admin'], role: 'clerk' })
  ),
  locationNotFound: errorResponse('Unknown store or product', ApiError.notFound('Store', 42, 'magasin_id'), ApiError.notFound('Product', 42, 'produit_id')),
  requestNotFound: errorResponse('No such request (or not in your store)', ApiError.notFound('ReplenishmentRequest', 42)),
  invalidLocation: errorResponse(
    'Validation error: give magasin_id or entrepot=true, and quantite or nouvelle_quantite',
    validationError('entrepot', 'Give either magasin_id or entrepot=true, not both', 'oneOf')
  ),
  transitionConflict: errorResponse(
    'INVALID_TRANSITION (details: from, action) or INSUFFICIENT_STOCK; nothing moves',
    ApiError.conflict('INVALID_TRANSITION', 'Cannot approve a replenishment request that is livree', {
      from: 'livree',
      action: 'approve',
      allowed_actions: [],
    }),
    warehouseShort
  ),
  approveConflict: errorResponse(
    'INVALID_TRANSITION (details: from, action), QUANTITY_CHANGED (the quantity sent is no longer the request\'s: ' +
      'details.quantite, details.quantite_vue) or INSUFFICIENT_STOCK; nothing moves',
    ApiError.conflict('INVALID_TRANSITION', 'Cannot approve a replenishment request that is validee', {
      from: 'validee',
      action: 'approve',
      allowed_actions: ['ship', 'cancel'],
    }),
    quantityChangedExample,
    warehouseShort
  ),
  quantityConflict: errorResponse(
    'INVALID_TRANSITION: the request is no longer en_attente (details.from); nothing changes',
    ApiError.conflict('INVALID_TRANSITION', 'Cannot change the quantity of a replenishment request that is validee', {
      from: 'validee',
      action: 'change_quantity',
      allowed_actions: ['ship', 'cancel'],
    })
  ),
  stockKeyReused: errorResponse(
    'IDEMPOTENCY_CONFLICT: the Idempotency-Key was used with another body (nothing is written), or INSUFFICIENT_STOCK',
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different stock adjustment', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    }),
    insufficient
  ),
  receiptKeyReused: errorResponse(
    'IDEMPOTENCY_CONFLICT: the Idempotency-Key was used with another body (nothing is written)',
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different warehouse receipt', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  keyReused: errorResponse(
    'IDEMPOTENCY_CONFLICT: the Idempotency-Key was used with another body, or REPLENISHMENT_IN_FLIGHT: the store already ' +
      'awaits this product (details name that request); nothing is written',
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different replenishment request', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
      replenishment_id: 57,
    }),
    inFlightExample
  ),
}
