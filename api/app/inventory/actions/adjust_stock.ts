import { recordBusinessEvent } from '#core/business_events'
import type { IdempotencyKey } from '#core/idempotency'
import { writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'
import type { Infer } from '@vinejs/vine/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { applyStockChanges, type AppliedChange } from '#inventory/services/stock_ledger'
import { ensureLevel } from '#inventory/services/stock_levels'
import { detectCrossings } from '#inventory/services/stock_alerts'
import { assertProductExists, resolveLocation } from '#inventory/services/stock_locations'
import { latestMovementIds, movementsByIds } from '#inventory/queries/stock_queries'
import { movementToWire, type MovementWire } from '#inventory/transformers/stock_transformers'
import { fieldError } from '#core/validation'
import { locationTarget } from '#inventory/validators/common'
import type { adjustmentBody } from '#inventory/validators/stock_validators'

const ADJUSTMENTS: IdempotentOperation = { name: 'stock_adjustment', resource: 'stock adjustment' }

export interface AdjustmentOutcome {
  /** Null when the count matches the level (nothing to record). */
  movement: MovementWire | null
  /** True when an earlier request with the same Idempotency-Key and body is answered again. */
  replayed: boolean
}

/**
 * A manager corrects a level: by a signed quantity (breakage, found goods)
 * or by the quantity counted on the shelf, in which case the difference is
 * computed under the level's lock so a sale during the count is not lost.
 * With an Idempotency-Key, a re-post (a double click) changes the level once.
 */
export default class AdjustStock {
  static async handle(
    principal: Principal,
    input: Infer<typeof adjustmentBody>,
    idempotencyKey: IdempotencyKey | null = null
  ): Promise<AdjustmentOutcome> {
    requireRole(principal, 'manager', 'admin')
    const target = locationTarget(input)
    if ((input.quantite === undefined) === (input.nouvelle_quantite === undefined)) {
      throw fieldError('quantite', 'Give quantite (a signed change) or nouvelle_quantite (a counted quantity), not both', 'oneOf')
    }
    if (input.quantite === 0) throw fieldError('quantite', 'quantite must not be 0', 'notZero')

    const outcome = await writeIdempotently(ADJUSTMENTS, idempotencyKey, input, async (trx) => {
      const location = await resolveLocation(trx, target)
      await assertProductExists(trx, input.produit_id)
      const delta =
        input.quantite !== undefined
          ? input.quantite
          : input.nouvelle_quantite! - (await lockedQuantity(trx, location.id, input.produit_id))
      if (delta === 0) return { stored: { movement_id: null }, fresh: [] as AppliedChange[] }
      const changes = await applyStockChanges(trx, location.id, [{ productId: input.produit_id, delta }], {
        kind: 'adjustment',
        reason: input.motif,
        userId: principal.user?.id ?? null,
      })
      const ids = await latestMovementIds(trx, location.id, [input.produit_id])
      return { stored: { movement_id: ids.get(input.produit_id)! as number | null }, fresh: changes }
    })

    for (const change of outcome.fresh ?? []) {
      recordBusinessEvent({ type: 'stock_adjustment', locationId: change.locationId, productId: change.productId, delta: change.delta })
    }
    if (outcome.fresh) detectCrossings(outcome.fresh)
    const movementId = outcome.stored.movement_id
    if (movementId === null) return { movement: null, replayed: outcome.replayed }
    const [movement] = await movementsByIds([movementId])
    return { movement: movementToWire(movement), replayed: outcome.replayed }
  }
}

/**
 * The level's quantity, locked until commit. The level is created first if
 * missing (at 0, which keeps ledger = level) so two concurrent counts of a
 * never-stocked product serialise on its row instead of both adding.
 */
async function lockedQuantity(trx: TransactionClientContract, locationId: number, productId: number) {
  await ensureLevel(trx, locationId, productId)
  const row = await trx
    .from('stock_levels')
    .where({ location_id: locationId, product_id: productId })
    .forUpdate()
    .select('quantity')
    .firstOrFail()
  return Number(row.quantity)
}
