import '#sales/events'
import emitter from '@adonisjs/core/services/emitter'
import { recordBusinessEvent } from '#core/business_events'
import type { AppliedChange } from '#inventory/services/stock_ledger'

/**
 * After a committed sale: a level that went from above its reorder point to
 * at or below it raises a `stock:alert` (logged now, counted in metrics).
 */
export function notifyStockCrossings(locationId: number, applied: AppliedChange[]) {
  for (const change of applied) {
    const before = change.balanceAfter - change.delta
    if (before > change.reorderPoint && change.balanceAfter <= change.reorderPoint) {
      const alert = { locationId, productId: change.productId, quantity: change.balanceAfter, reorderPoint: change.reorderPoint }
      recordBusinessEvent({ type: 'stock_alert', ...alert })
      void emitter.emit('stock:alert', alert)
    }
  }
}
