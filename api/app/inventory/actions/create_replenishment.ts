import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/api_error'
import { recordBusinessEvent } from '#core/business_events'
import { violatedUniqueConstraint } from '#core/db_errors'
import {
  findIdempotentReplay,
  replayAfterKeyRace,
  requestFingerprint,
  type IdempotencyKey,
  type IdempotentTable,
} from '#core/idempotency'
import { assertStoreAccess } from '#access/policies'
import type { Principal } from '#access/principal'
import ReplenishmentRequest from '#inventory/models/replenishment_request'
import { assertReplenishable, storeLocation } from '#inventory/services/stock_locations'
import { replenishmentToWire, type ReplenishmentWire } from '#inventory/transformers/replenishment_transformer'
import { findReplenishment } from '#inventory/queries/replenishment_list'
import { inFlightRequest, type InFlightRequestWire } from '#inventory/queries/in_flight_requests'
import type { createReplenishmentBody } from '#inventory/validators/replenishment_validators'

type CreateReplenishmentInput = Infer<typeof createReplenishmentBody>

/** Migration 0018: one request in flight per store and product. */
const IN_FLIGHT_INDEX = 'replenishment_requests_one_in_flight'

const REQUESTS: IdempotentTable = { table: 'replenishment_requests', resource: 'replenishment request', idDetail: 'replenishment_id' }

export interface CreatedReplenishment {
  request: ReplenishmentWire
  /** True when an earlier request with the same Idempotency-Key and body is answered again. */
  replayed: boolean
}

/**
 * A store asks the central warehouse for goods. Nothing moves yet: the
 * warehouse stock is only taken when a manager approves. A clerk asks for
 * their own store only. With an Idempotency-Key, a retry (a double click, a
 * browser re-post) answers with the first request and creates no second one.
 * Without the key (or with another one), a request for a product the store
 * already awaits (pending, approved or shipped) is a 409 naming that request:
 * two would make the warehouse ship twice.
 */
export default class CreateReplenishment {
  static async handle(
    principal: Principal,
    input: CreateReplenishmentInput,
    idempotencyKey: IdempotencyKey | null = null
  ): Promise<CreatedReplenishment> {
    // Before the replay: a key replays only a request its holder could have made (the body names the store).
    assertStoreAccess(principal, input.magasin_id)
    const fingerprint = requestFingerprint(input)
    const replay = async (key: IdempotencyKey): Promise<CreatedReplenishment | null> => {
      const existingId = await findIdempotentReplay(REQUESTS, key, fingerprint)
      return existingId ? { request: replenishmentToWire(await findReplenishment(existingId)), replayed: true } : null
    }
    if (idempotencyKey) {
      const earlier = await replay(idempotencyKey)
      if (earlier) return earlier
    }
    let request: ReplenishmentRequest | null = null
    for (let attempt = 1; !request; attempt++) {
      try {
        request = await this.insert(principal, input, idempotencyKey, fingerprint)
      } catch (error) {
        const refused = error instanceof ApiError && error.code === 'REPLENISHMENT_IN_FLIGHT'
        if (refused || violatedUniqueConstraint(error) === IN_FLIGHT_INDEX) {
          // The request in flight may be a concurrent retry with the same key that committed
          // after our replay check: that one replays. Otherwise the store already awaits the product.
          const earlier = idempotencyKey ? await replay(idempotencyKey) : null
          if (earlier) return earlier
          if (refused) throw error
          // Another request committed between our check and our insert (the index stopped it).
          const existing = await inFlightRequest(input.magasin_id, input.produit_id)
          if (existing) throw inFlightConflict(input, existing)
          // It was received, rejected or cancelled in the meantime: the way is free again.
          if (attempt < 3) continue
        }
        // A concurrent retry with the same key inserted first: answer with its request.
        return replayAfterKeyRace(error, idempotencyKey, 'replenishment_requests_idempotency_scope_key_unique', replay)
      }
    }
    recordBusinessEvent({ type: 'replenishment', action: 'request', replenishmentId: request.id, storeId: request.storeId })
    return { request: replenishmentToWire(await findReplenishment(request.id)), replayed: false }
  }

  private static insert(
    principal: Principal,
    input: CreateReplenishmentInput,
    idempotencyKey: IdempotencyKey | null,
    fingerprint: string
  ) {
    return db.transaction(async (trx) => {
      await storeLocation(trx, input.magasin_id)
      await assertReplenishable(trx, input.produit_id)
      const existing = await inFlightRequest(input.magasin_id, input.produit_id, trx)
      if (existing) throw inFlightConflict(input, existing)
      return ReplenishmentRequest.create(
        {
          storeId: input.magasin_id,
          productId: input.produit_id,
          quantity: input.quantite,
          note: input.note || null,
          status: 'pending',
          requestedBy: principal.user?.id ?? null,
          requestedAt: DateTime.now(),
          idempotencyScope: idempotencyKey?.scope ?? null,
          idempotencyKey: idempotencyKey?.key ?? null,
          requestFingerprint: idempotencyKey ? fingerprint : null,
        },
        { client: trx }
      )
    })
  }
}

/** The 409 naming the request the store already awaits, so the client can link to it. */
export function inFlightConflict(input: { magasin_id: number; produit_id: number }, existing: InFlightRequestWire) {
  return ApiError.conflict(
    'REPLENISHMENT_IN_FLIGHT',
    `Replenishment request ${existing.id} for product ${input.produit_id} in store ${input.magasin_id} is still ${existing.statut}`,
    {
      replenishment_id: existing.id,
      statut: existing.statut,
      quantite: existing.quantite,
      demande_le: existing.demande_le,
      magasin_id: input.magasin_id,
      produit_id: input.produit_id,
    }
  )
}
