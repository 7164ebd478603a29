import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { ApiError } from '#core/api_error'
import type ReplenishmentRequest from '#inventory/models/replenishment_request'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { assertStillSold, warehouseLocation } from '#inventory/services/stock_locations'
import { movementOf, runTransition } from '#inventory/services/replenishment_transitions'

/**
 * pending → approved. The goods leave the central warehouse now (kind
 * replenishment_out), so they are reserved for this store and another
 * approval cannot promise them again; short stock is a 409 and the request
 * stays pending. `seenQuantity` is what the approver was shown: the store may
 * have changed the quantity since (PATCH while pending), and approving 80
 * when 30 was read would reserve goods nobody agreed to.
 */
export default class ApproveReplenishment {
  static handle(principal: Principal, id: number, seenQuantity?: number) {
    requireRole(principal, 'manager', 'admin')
    return runTransition(principal, id, {
      action: 'approve',
      precondition: (request) => {
        if (seenQuantity !== undefined && request.quantity !== seenQuantity) throw quantityChanged(request, seenQuantity)
      },
      guard: (trx, request) => assertStillSold(trx, request, 'reject'),
      moveStock: async (trx, request) => {
        const warehouse = await warehouseLocation(trx)
        return applyStockChanges(trx, warehouse.id, [{ productId: request.productId, delta: -request.quantity }], {
          kind: 'replenishment_out',
          ...movementOf(principal, request),
        })
      },
    })
  }
}

/** Its own code: the state did not change (a client handling INVALID_TRANSITION would say it had), the quantity did. */
export function quantityChanged(request: Pick<ReplenishmentRequest, 'id' | 'quantity'>, seenQuantity: number) {
  return ApiError.conflict(
    'QUANTITY_CHANGED',
    `Replenishment request ${request.id} now asks for ${request.quantity}, not ${seenQuantity}: nothing was approved`,
    { replenishment_id: request.id, quantite: request.quantity, quantite_vue: seenQuantity }
  )
}
