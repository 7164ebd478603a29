import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { assertStoreAccess, storeScope } from '#access/policies'
import type { Principal } from '#access/principal'

/*
 * Which stores a report may cover. Every report route needs the `reports`
 * scope, which only managers, admins and integration tokens get by default;
 * a clerk session that was given it anyway sees their own store only, by
 * the same rule as the rest of the API: no store filter means their store,
 * another store is a 403 (never a silently different answer).
 */

export interface StoreInput {
  store_id?: number
  magasin_id?: number
}

/** The README's `magasin_id` wins over the original's `store_id` when both are sent (as for /sales). */
export function requestedStore(input: StoreInput): number | undefined {
  return input.magasin_id ?? input.store_id
}

export async function assertStoreExists(storeId: number) {
  const store = await db.from('stores').where('id', storeId).select('id').first()
  if (!store) throw ApiError.notFound('Store', storeId)
}

/** The single store a report is about, or null for all stores; 403/404 as described above. */
export async function reportStore(principal: Principal, requested: number | undefined): Promise<number | null> {
  if (requested === undefined) return storeScope(principal)
  assertStoreAccess(principal, requested)
  await assertStoreExists(requested)
  return requested
}

/** The stores a list of stores may show: null = every store, else only this one. */
export function visibleStores(principal: Principal): number | null {
  return storeScope(principal)
}

/** Store lists in a body (custom reports): a clerk may only name their own store; unknown ids are a 422. */
export async function reportStores(principal: Principal, requested: number[] | undefined): Promise<number[] | null> {
  const own = storeScope(principal)
  if (!requested || requested.length === 0) return own === null ? null : [own]
  for (const storeId of requested) assertStoreAccess(principal, storeId)
  const known = await db.from('stores').whereIn('id', requested).select('id')
  const knownIds = new Set(known.map((row) => Number(row.id)))
  const unknown = requested.map((id, index) => ({ id, index })).filter(({ id }) => !knownIds.has(id))
  if (unknown.length > 0) throw unknownIds('magasin_ids', unknown, 'store')
  return requested
}

export async function assertProductsExist(requested: number[] | undefined): Promise<number[] | null> {
  if (!requested || requested.length === 0) return null
  const known = await db.from('products').whereIn('id', requested).select('id')
  const knownIds = new Set(known.map((row) => Number(row.id)))
  const unknown = requested.map((id, index) => ({ id, index })).filter(({ id }) => !knownIds.has(id))
  if (unknown.length > 0) throw unknownIds('produit_ids', unknown, 'product')
  return requested
}

function unknownIds(field: string, unknown: { id: number; index: number }[], what: string) {
  return new ApiError(422, 'VALIDATION_ERROR', `Validation failed: ${unknown.map((u) => `${field}.${u.index}`).join(', ')}`, {
    validation_errors: unknown.map((u) => ({
      field: `${field}.${u.index}`,
      message: `No ${what} with identifier ${u.id}`,
      type: 'exists',
    })),
  })
}
