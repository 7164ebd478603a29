import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { storeLocation } from '#inventory/services/stock_locations'
import { movementOf, runTransition } from '#inventory/services/replenishment_transitions'

/**
 * shipped → received: the store's stock goes up (kind replenishment_in).
 * The store's own clerk may confirm it (the runner refuses other stores'
 * clerks), as may a manager.
 */
export default class ReceiveReplenishment {
  static handle(principal: Principal, id: number) {
    requireRole(principal, 'clerk', 'manager', 'admin')
    return runTransition(principal, id, {
      action: 'receive',
      moveStock: async (trx, request) => {
        const store = await storeLocation(trx, request.storeId)
        return applyStockChanges(trx, store.id, [{ productId: request.productId, delta: request.quantity }], {
          kind: 'replenishment_in',
          ...movementOf(principal, request),
        })
      },
    })
  }
}
