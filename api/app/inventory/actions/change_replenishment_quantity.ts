import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { recordBusinessEvent } from '#core/business_events'
import { assertStoreAccess } from '#access/policies'
import type { Principal } from '#access/principal'
import ReplenishmentRequest from '#inventory/models/replenishment_request'
import ReplenishmentQuantityChange from '#inventory/models/replenishment_quantity_change'
import { STATUS_TO_WIRE, allowedActions } from '#inventory/replenishment_state'
import { replenishmentToWire, type ReplenishmentWire } from '#inventory/transformers/replenishment_transformer'
import { findReplenishment } from '#inventory/queries/replenishment_list'
import { assertReplenishable } from '#inventory/services/stock_locations'

/**
 * A store that asked for too little (or too much) cannot send a second
 * request while this one is in flight (ADR 0018): while it is still pending,
 * its quantity can be changed instead — by the store's clerks, a manager, or
 * an integration with the write scope. Nothing has moved before approval, so
 * no stock is touched. The row lock is the one transitions take: an approval
 * either runs first (then this is a 409, the warehouse reserved the old
 * quantity) or after (then it reserves the new one). Each change is kept for
 * the request's history.
 */
export default class ChangeReplenishmentQuantity {
  static async handle(principal: Principal, id: number, quantity: number): Promise<ReplenishmentWire> {
    const changed = await db.transaction(async (trx) => {
      const locked = await ReplenishmentRequest.query({ client: trx }).where('id', id).forUpdate().first()
      if (!locked) throw ApiError.notFound('ReplenishmentRequest', id)
      assertStoreAccess(principal, locked.storeId)
      if (locked.status !== 'pending') throw notPending(locked)
      // The same quantity again (a re-sent form) changes nothing and adds no history line.
      if (locked.quantity === quantity) return null
      // Less of a product discontinued since is fine (the warehouse clears what is left); more is not.
      if (quantity > locked.quantity) await assertReplenishable(trx, locked.productId)
      await ReplenishmentQuantityChange.create(
        {
          replenishmentRequestId: locked.id,
          previousQuantity: locked.quantity,
          newQuantity: quantity,
          changedBy: principal.user?.id ?? null,
          changedAt: DateTime.now(),
        },
        { client: trx }
      )
      locked.quantity = quantity
      await locked.useTransaction(trx).save()
      return { storeId: locked.storeId }
    })
    if (changed) recordBusinessEvent({ type: 'replenishment', action: 'change_quantity', replenishmentId: id, storeId: changed.storeId })
    return replenishmentToWire(await findReplenishment(id))
  }
}

/** The same 409 as a transition the state does not allow, so clients handle both alike. */
function notPending(request: ReplenishmentRequest) {
  const from = STATUS_TO_WIRE[request.status]
  return ApiError.conflict('INVALID_TRANSITION', `Cannot change the quantity of a replenishment request that is ${from}`, {
    from,
    action: 'change_quantity',
    allowed_actions: allowedActions(request.status),
  })
}
