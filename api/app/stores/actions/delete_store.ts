import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Store from '#stores/models/store'
import { ApiError } from '#core/api_error'
import { isForeignKeyViolation } from '#core/db_errors'
import { lockStore, storeLocationId } from '#stores/services/store_integrity'
import { invalidateAfterCommit, Tags } from '#core/cache'

/* Records that tie a store to its history or its staff. */
const REFERENCES = [
  { table: 'registers', label: 'registers' },
  { table: 'sales', label: 'sales' },
  { table: 'replenishment_requests', label: 'replenishment requests' },
  { table: 'users', label: 'users' },
] as const

async function usage(trx: TransactionClientContract, storeId: number, locationId: number | null) {
  const usedBy: string[] = []
  for (const { table, label } of REFERENCES) {
    if (await trx.from(table).where('store_id', storeId).select(trx.raw('1')).first()) usedBy.push(label)
  }
  if (locationId !== null) {
    const moved = await trx.from('stock_movements').where('location_id', locationId).select(trx.raw('1')).first()
    const held = await trx.from('stock_levels').where('location_id', locationId).where('quantity', '>', 0).select(trx.raw('1')).first()
    if (moved || held) usedBy.push('stock')
  }
  return usedBy
}

/**
 * Deletes a store that was created and never used, with its empty stock
 * location and its tax rows, in one transaction. Any register, sale, stock
 * movement, request or user makes it a 409 RESOURCE_IN_USE.
 */
export async function deleteStore(storeId: number): Promise<Store> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.stores])
      const store = await lockStore(trx, storeId, 'update')
      const locationId = await storeLocationId(trx, storeId)
      const usedBy = await usage(trx, storeId, locationId)
      if (usedBy.length > 0) throw ApiError.inUse('Store', storeId, usedBy)

      if (locationId !== null) {
        await trx.from('stock_levels').where('location_id', locationId).delete()
        await trx.from('stock_locations').where('id', locationId).delete()
      }
      await trx.from('store_tax_rates').where('store_id', storeId).delete()
      await store.delete()
      return store
    })
  } catch (error) {
    if (isForeignKeyViolation(error)) throw ApiError.inUse('Store', storeId, ['other records'])
    throw error
  }
}
