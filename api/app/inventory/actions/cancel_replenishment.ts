import { ApiError } from '#core/api_error'
import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { warehouseLocation } from '#inventory/services/stock_locations'
import { movementOf, runTransition } from '#inventory/services/replenishment_transitions'

/**
 * pending → cancelled: by whoever asked, or a manager.
 * approved → cancelled: by a manager only, and the reserved goods go back
 * into the central warehouse as a `replenishment_in` there, referencing the
 * request, so the pair (out, in) of one request nets to zero in the ledger
 * and never shows up as an inventory adjustment.
 * shipped requests cannot be cancelled (the goods are on their way).
 */
export default class CancelReplenishment {
  static handle(principal: Principal, id: number) {
    return runTransition(principal, id, {
      action: 'cancel',
      authorize: (request, from) => {
        if (from === 'approved') return requireRole(principal, 'manager', 'admin')
        const isRequester = principal.user !== null && principal.user.id === request.requestedBy
        if (principal.user?.role === 'clerk' && !isRequester) {
          throw ApiError.forbidden('Only the requester or a manager can cancel this request', {
            requested_by: request.requestedBy,
          })
        }
      },
      moveStock: async (trx, request, from) => {
        if (from !== 'approved') return []
        const warehouse = await warehouseLocation(trx)
        return applyStockChanges(trx, warehouse.id, [{ productId: request.productId, delta: request.quantity }], {
          kind: 'replenishment_in',
          reason: `Annulation de la demande de réapprovisionnement #${request.id}`,
          ...movementOf(principal, request),
        })
      },
    })
  }
}
