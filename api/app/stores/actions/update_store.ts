import db from '@adonisjs/lucid/services/db'
import type Store from '#stores/models/store'
import { assertStoreNameFree, lockStore, translateStoreWriteError } from '#stores/services/store_integrity'
import type { StoreChanges } from '#stores/validators/store_validators'
import { invalidateAfterCommit, Tags } from '#core/cache'

/**
 * PUT passes every field, PATCH and update-contact only the sent ones. A
 * renamed store's stock location follows, so stock screens show the new name.
 */
export async function updateStore(storeId: number, changes: StoreChanges): Promise<Store> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.stores])
      const store = await lockStore(trx, storeId, 'noKeyUpdate')
      if (changes.name !== undefined) await assertStoreNameFree(trx, changes.name, storeId)
      const renamed = changes.name !== undefined && changes.name !== store.name
      store.merge(changes)
      await store.save()
      if (renamed) await trx.from('stock_locations').where('store_id', storeId).update({ name: store.name })
      return store
    })
  } catch (error) {
    throw translateStoreWriteError(error, changes.name)
  }
}
