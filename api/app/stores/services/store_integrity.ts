import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Store from '#stores/models/store'
import { ApiError } from '#core/api_error'
import { violatedUniqueConstraint } from '#core/db_errors'

/* Names are unique regardless of case: "magasin nord" next to "Magasin Nord" is a mistake. */
export async function assertStoreNameFree(trx: TransactionClientContract, name: string, exceptId?: number) {
  const taken = await trx
    .from('stores')
    .whereRaw('lower(name) = lower(?)', [name])
    .if(exceptId !== undefined, (q) => q.whereNot('id', exceptId!))
    .select('id')
    .first()
  if (taken) throw ApiError.duplicate('Store', 'nom', name)
}

/** The same 409 when a concurrent write won the race past the check. */
export function translateStoreWriteError(error: unknown, name: string | undefined) {
  return violatedUniqueConstraint(error) === 'stores_name_unique' ? ApiError.duplicate('Store', 'nom', name) : error
}

/**
 * The store row, locked for the rest of the transaction. `noKeyUpdate` lets
 * sales and registers keep referencing it meanwhile; a delete needs the full lock.
 */
export async function lockStore(trx: TransactionClientContract, storeId: number, mode: 'update' | 'noKeyUpdate') {
  const lock = mode === 'update' ? 'FOR UPDATE' : 'FOR NO KEY UPDATE'
  const locked = await trx.rawQuery<{ rows: unknown[] }>(`SELECT id FROM stores WHERE id = ? ${lock}`, [storeId])
  if (locked.rows.length === 0) throw ApiError.notFound('Store', storeId)
  return Store.query({ client: trx }).where('id', storeId).firstOrFail()
}

export async function storeLocationId(trx: TransactionClientContract, storeId: number): Promise<number | null> {
  const row = await trx.from('stock_locations').where('store_id', storeId).select('id').first()
  return row ? Number(row.id) : null
}
