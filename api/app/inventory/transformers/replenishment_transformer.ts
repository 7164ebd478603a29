import type ReplenishmentRequest from '#inventory/models/replenishment_request'
import { STATUS_TO_WIRE, allowedActions, type ReplenishmentAction } from '#inventory/replenishment_state'
import { instantToWire } from '#core/instants'

export interface ReplenishmentWire {
  id: number
  magasin_id: number
  magasin: { id: number; nom: string }
  produit_id: number
  produit: { id: number; code: string; nom: string }
  quantite: number
  note: string | null
  statut: string
  actions_possibles: ReplenishmentAction[]
  demande_par: number | null
  demande_le: string
  validee_par: number | null
  validee_le: string | null
  expediee_par: number | null
  expediee_le: string | null
  livree_par: number | null
  livree_le: string | null
  refusee_par: number | null
  refusee_le: string | null
  motif_refus: string | null
  annulee_par: number | null
  annulee_le: string | null
  mis_a_jour_le: string
}

/**
 * A request loaded by `replenishmentsWithNames()` (names in $extras). Each
 * step says who (a user id; null for an integration token) and when.
 */
export function replenishmentToWire(request: ReplenishmentRequest): ReplenishmentWire {
  return {
    id: request.id,
    magasin_id: request.storeId,
    magasin: { id: request.storeId, nom: request.$extras.store_name },
    produit_id: request.productId,
    produit: { id: request.productId, code: request.$extras.product_code, nom: request.$extras.product_name },
    quantite: request.quantity,
    note: request.note,
    statut: STATUS_TO_WIRE[request.status],
    actions_possibles: allowedActions(request.status),
    demande_par: request.requestedBy,
    demande_le: instantToWire(request.requestedAt),
    validee_par: request.approvedBy,
    validee_le: instantToWire(request.approvedAt),
    expediee_par: request.shippedBy,
    expediee_le: instantToWire(request.shippedAt),
    livree_par: request.receivedBy,
    livree_le: instantToWire(request.receivedAt),
    refusee_par: request.rejectedBy,
    refusee_le: instantToWire(request.rejectedAt),
    motif_refus: request.rejectionReason,
    annulee_par: request.cancelledBy,
    annulee_le: instantToWire(request.cancelledAt),
    mis_a_jour_le: instantToWire(request.updatedAt),
  }
}
