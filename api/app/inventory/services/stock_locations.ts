import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import { assertStoreAccess, storeScope } from '#access/policies'
import type { Principal } from '#access/principal'
import { fieldError } from '#core/validation'
import type { LocationTarget } from '#inventory/validators/common'

export interface LocationRef {
  id: number
  kind: 'store' | 'warehouse'
  storeId: number | null
  name: string
}

function toRef(row: { id: number; kind: 'store' | 'warehouse'; store_id: number | null; name: string }): LocationRef {
  return { id: Number(row.id), kind: row.kind, storeId: row.store_id === null ? null : Number(row.store_id), name: row.name }
}

export async function warehouseLocation(client: QueryClientContract): Promise<LocationRef> {
  const row = await client.from('stock_locations').where('kind', 'warehouse').first()
  // The reference seed always creates it; its absence is a broken installation, not a client error.
  if (!row) throw new Error('The central warehouse stock location is missing (run the reference seed)')
  return toRef(row)
}

/** The stock location of a store: 404 for an unknown store (named by the body's `magasin_id`, where every caller takes it). */
export async function storeLocation(client: QueryClientContract, storeId: number): Promise<LocationRef> {
  const row = await client.from('stock_locations').where('store_id', storeId).first()
  if (row) return toRef(row)
  const store = await client.from('stores').where('id', storeId).first()
  if (!store) throw ApiError.notFound('Store', storeId, 'magasin_id')
  throw ApiError.business(`Store ${storeId} has no stock location`, { store_id: storeId })
}

export function resolveLocation(client: QueryClientContract, target: LocationTarget): Promise<LocationRef> {
  return 'storeId' in target ? storeLocation(client, target.storeId) : warehouseLocation(client)
}

/** 404 unless the product exists. */
export async function assertProductExists(client: QueryClientContract, productId: number) {
  const product = await client.from('products').where('id', productId).select('id', 'is_active').first()
  if (!product) throw ApiError.notFound('Product', productId, 'produit_id')
  return { id: Number(product.id), isActive: Boolean(product.is_active) }
}

/** A discontinued product is sold out, not restocked: no request for it is made or made bigger (422). */
export async function assertReplenishable(client: QueryClientContract, productId: number) {
  const product = await assertProductExists(client, productId)
  if (!product.isActive) {
    throw ApiError.business(`Product ${productId} is discontinued and cannot be replenished`, { produit_id: productId })
  }
}

/**
 * A request for a product taken off sale since it was made: reserving or
 * shipping goods the store may no longer sell helps nobody. Refused like a
 * new request for it (422), with the way out (reject, or cancel: a cancelled
 * approval puts the goods back into the warehouse).
 */
export async function assertStillSold(client: QueryClientContract, request: { id: number; productId: number }, wayOut: 'reject' | 'cancel') {
  const product = await assertProductExists(client, request.productId)
  if (product.isActive) return
  throw ApiError.business(
    `Product ${request.productId} is discontinued and cannot be replenished: ${wayOut} replenishment request ${request.id} instead`,
    { replenishment_id: request.id, produit_id: request.productId, action_possible: wayOut }
  )
}

export interface LocationFilter {
  storeId?: number
  warehouse?: boolean
}

/**
 * Which locations a list may show: a clerk sees their own store only (and
 * may not ask for another store or the warehouse: 403); everyone else sees
 * what they filter on, or everything.
 */
export function scopedLocationFilter(
  principal: Principal,
  filters: { magasin_id?: number; entrepot?: boolean }
): LocationFilter {
  if (filters.magasin_id !== undefined && filters.entrepot) {
    throw fieldError('entrepot', 'Give either magasin_id or entrepot=true, not both', 'oneOf')
  }
  const ownStore = storeScope(principal)
  if (ownStore !== null) {
    if (filters.entrepot) {
      throw ApiError.forbidden('A clerk can only see their own store', { own_store_id: ownStore })
    }
    if (filters.magasin_id !== undefined) assertStoreAccess(principal, filters.magasin_id)
    return { storeId: ownStore }
  }
  if (filters.entrepot) return { warehouse: true }
  return filters.magasin_id !== undefined ? { storeId: filters.magasin_id } : {}
}
