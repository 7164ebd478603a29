import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { warehouseLocation } from '#inventory/services/stock_locations'
import { movementOf, runTransition } from '#inventory/services/replenishment_transitions'

/**
 * pending → approved. The goods leave the central warehouse now (kind
 * replenishment_out), so they are reserved for this store and another
 * approval cannot promise them again; short stock is a 409 and the request
 * stays pending.
 */
export default class ApproveReplenishment {
  static handle(principal: Principal, id: number) {
    requireRole(principal, 'manager', 'admin')
    return runTransition(principal, id, {
      action: 'approve',
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
