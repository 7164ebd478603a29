import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { runTransition } from '#inventory/services/replenishment_transitions'
import { assertStillSold } from '#inventory/services/stock_locations'

/** approved → shipped. No stock moves: the goods left the warehouse at approval and reach the store on receipt. */
export default class ShipReplenishment {
  static handle(principal: Principal, id: number) {
    requireRole(principal, 'manager', 'admin')
    return runTransition(principal, id, { action: 'ship', guard: (trx, request) => assertStillSold(trx, request, 'cancel') })
  }
}
