import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/api_error'
import { recordBusinessEvent } from '#core/business_events'
import { assertStoreAccess } from '#access/policies'
import type { Principal } from '#access/principal'
import ReplenishmentRequest from '#inventory/models/replenishment_request'
import { assertProductExists, storeLocation } from '#inventory/services/stock_locations'
import { replenishmentToWire, type ReplenishmentWire } from '#inventory/transformers/replenishment_transformer'
import { findReplenishment } from '#inventory/queries/replenishment_list'
import type { createReplenishmentBody } from '#inventory/validators/replenishment_validators'

/**
 * A store asks the central warehouse for goods. Nothing moves yet: the
 * warehouse stock is only taken when a manager approves. A clerk asks for
 * their own store only.
 */
export default class CreateReplenishment {
  static async handle(principal: Principal, input: Infer<typeof createReplenishmentBody>): Promise<ReplenishmentWire> {
    assertStoreAccess(principal, input.magasin_id)
    const request = await db.transaction(async (trx) => {
      await storeLocation(trx, input.magasin_id)
      const product = await assertProductExists(trx, input.produit_id)
      if (!product.isActive) {
        throw ApiError.business(`Product ${input.produit_id} is discontinued and cannot be replenished`, {
          produit_id: input.produit_id,
        })
      }
      return ReplenishmentRequest.create(
        {
          storeId: input.magasin_id,
          productId: input.produit_id,
          quantity: input.quantite,
          note: input.note || null,
          status: 'pending',
          requestedBy: principal.user?.id ?? null,
          requestedAt: DateTime.now(),
        },
        { client: trx }
      )
    })
    recordBusinessEvent({ type: 'replenishment', action: 'request', replenishmentId: request.id, storeId: request.storeId })
    return replenishmentToWire(await findReplenishment(request.id))
  }
}
