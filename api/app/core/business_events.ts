import logger from '@adonisjs/core/services/logger'
import {
  refundsAmountCents,
  registerSessionsTotal,
  replenishmentTransitionsTotal,
  returnsTotal,
  salesAmountCents,
  salesTotal,
  stockAlertsTotal,
} from '#core/metrics'

/*
 * One call after a business action commits: a structured log line (so an
 * action can be followed by its request id) and the matching metric.
 */
export type BusinessEvent =
  | { type: 'sale'; saleId: number; storeId: number; registerId: number; totalCents: number; requestId?: string }
  | { type: 'return'; returnId: number; saleId: number; storeId: number; totalCents: number; requestId?: string }
  | { type: 'register_session'; action: 'open' | 'close'; sessionId: number; registerId: number; requestId?: string }
  | { type: 'replenishment'; action: string; requestId?: string; replenishmentId: number; storeId: number }
  | { type: 'stock_adjustment'; locationId: number; productId: number; delta: number; requestId?: string }
  | { type: 'stock_alert'; locationId: number; productId: number; quantity: number; reorderPoint: number }

export function recordBusinessEvent(event: BusinessEvent) {
  const { type, requestId, ...details } = event as BusinessEvent & { requestId?: string }
  logger.info({ event: type, request_id: requestId, ...details }, `business event: ${type}`)
  switch (event.type) {
    case 'sale':
      salesTotal.inc({ store: String(event.storeId) })
      salesAmountCents.inc({ store: String(event.storeId) }, event.totalCents)
      break
    case 'return':
      returnsTotal.inc({ store: String(event.storeId) })
      refundsAmountCents.inc({ store: String(event.storeId) }, event.totalCents)
      break
    case 'register_session':
      registerSessionsTotal.inc({ action: event.action })
      break
    case 'replenishment':
      replenishmentTransitionsTotal.inc({ action: event.action })
      break
    case 'stock_alert':
      stockAlertsTotal.inc({ location: String(event.locationId) })
      break
    case 'stock_adjustment':
      break
  }
}
