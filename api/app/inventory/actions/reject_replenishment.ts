import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { runTransition } from '#inventory/services/replenishment_transitions'

/** pending → rejected, with the reason the store will read. Nothing had moved, so nothing moves back. */
export default class RejectReplenishment {
  static handle(principal: Principal, id: number, reason: string) {
    requireRole(principal, 'manager', 'admin')
    return runTransition(principal, id, {
      action: 'reject',
      record: (request) => {
        request.rejectionReason = reason
      },
    })
  }
}
