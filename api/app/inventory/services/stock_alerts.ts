import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import { recordBusinessEvent } from '#core/business_events'
import type { AppliedChange } from '#inventory/services/stock_ledger'

/*
 * The `stock:alert` event (the sales module declares the same shape; the
 * declarations merge). Listeners (metrics, notifications) subscribe with
 * `emitter.on('stock:alert', …)`.
 */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'stock:alert': { locationId: number; productId: number; quantity: number; reorderPoint: number }
  }
}

export interface StockAlert {
  locationId: number
  productId: number
  quantity: number
  reorderPoint: number
}

/**
 * Finds the changes that took a level from above its reorder point to at or
 * below it, records each one (log line + comptoir_stock_alerts_total) and
 * emits `stock:alert`. Call it after the
 * transaction commits: an alert for a rolled-back change would be a lie.
 * A level already below its reorder point does not alert again on every
 * sale; it alerts once when it crosses.
 */
export function detectCrossings(applied: AppliedChange[]): StockAlert[] {
  const alerts: StockAlert[] = []
  for (const change of applied) {
    const before = change.balanceAfter - change.delta
    if (before > change.reorderPoint && change.balanceAfter <= change.reorderPoint) {
      alerts.push({
        locationId: change.locationId,
        productId: change.productId,
        quantity: change.balanceAfter,
        reorderPoint: change.reorderPoint,
      })
    }
  }
  for (const alert of alerts) {
    recordBusinessEvent({ type: 'stock_alert', ...alert })
    // Fire and forget: the stock change is committed, a failing listener must not fail the request.
    emitter.emit('stock:alert', alert).catch((error: unknown) => {
      logger.error({ err: error, event: 'stock:alert' }, 'a stock:alert listener failed')
    })
  }
  return alerts
}
