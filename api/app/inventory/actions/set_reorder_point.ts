import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { requireRole } from '#access/policies'
import type { Principal } from '#access/principal'
import { assertProductExists, resolveLocation } from '#inventory/services/stock_locations'
import { levelsQuery } from '#inventory/queries/stock_queries'
import { levelToWire, type LevelWire } from '#inventory/transformers/stock_transformers'
import { locationTarget } from '#inventory/validators/common'
import type { reorderPointBody } from '#inventory/validators/stock_validators'

/**
 * Sets the reorder point of a (location, product). A product never stocked
 * there gets a level at 0 so its threshold can be set before the first
 * delivery. The quantity is not touched, so no ledger row is written.
 */
export default class SetReorderPoint {
  static async handle(principal: Principal, input: Infer<typeof reorderPointBody>): Promise<LevelWire> {
    requireRole(principal, 'manager', 'admin')
    const target = locationTarget(input)
    const locationId = await db.transaction(async (trx) => {
      const location = await resolveLocation(trx, target)
      await assertProductExists(trx, input.produit_id)
      await trx.rawQuery(
        `INSERT INTO stock_levels (location_id, product_id, quantity, reorder_point) VALUES (?, ?, 0, ?)
         ON CONFLICT (location_id, product_id)
         DO UPDATE SET reorder_point = EXCLUDED.reorder_point, updated_at = now()`,
        [location.id, input.produit_id, input.seuil_reappro]
      )
      return location.id
    })
    const level = await levelsQuery()
      .where('stock_levels.location_id', locationId)
      .where('stock_levels.product_id', input.produit_id)
      .firstOrFail()
    return levelToWire(level)
  }
}
