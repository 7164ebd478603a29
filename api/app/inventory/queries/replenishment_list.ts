import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { assertStoreAccess, storeScope } from '#access/policies'
import type { Principal } from '#access/principal'
import ReplenishmentRequest from '#inventory/models/replenishment_request'
import { statusFromWire } from '#inventory/replenishment_state'
import { replenishmentToWire } from '#inventory/transformers/replenishment_transformer'
import { replenishmentHistory } from '#inventory/queries/replenishment_history'
import { listReplenishmentsQuery, replenishmentSortColumns } from '#inventory/validators/replenishment_validators'

/**
 * Requests with their store and product names joined in (one query per
 * page; the transformer reads them from $extras).
 */
export function replenishmentsWithNames() {
  return ReplenishmentRequest.query()
    .join('stores', 'stores.id', 'replenishment_requests.store_id')
    .join('products', 'products.id', 'replenishment_requests.product_id')
    .select('replenishment_requests.*', 'stores.name as store_name', 'products.code as product_code', 'products.name as product_name')
}

export async function findReplenishment(id: number) {
  const request = await replenishmentsWithNames().where('replenishment_requests.id', id).first()
  if (!request) throw ApiError.notFound('ReplenishmentRequest', id)
  return request
}

/** Newest first; a clerk sees their store's requests only. */
export async function replenishmentPage(principal: Principal, filters: Infer<typeof listReplenishmentsQuery>) {
  if (filters.magasin_id !== undefined) assertStoreAccess(principal, filters.magasin_id)
  const storeId = storeScope(principal) ?? filters.magasin_id
  const query = replenishmentsWithNames()
    .if(storeId !== undefined, (q) => q.where('replenishment_requests.store_id', storeId!))
    .if(filters.statut, (q) => q.where('replenishment_requests.status', statusFromWire(filters.statut!)))
    .if(filters.produit_id, (q) => q.where('replenishment_requests.product_id', filters.produit_id!))
  const sort = resolveSort(filters.sort, replenishmentSortColumns, { column: 'replenishment_requests.id', direction: 'desc' })
  return paginate(
    query,
    { page: filters.page, size: filters.size, sort, tieBreaker: 'replenishment_requests.id' },
    replenishmentToWire
  )
}

/** One request with its history (who and when, per transition). */
export async function replenishmentById(principal: Principal, id: number) {
  const request = await findReplenishment(id)
  assertStoreAccess(principal, request.storeId)
  return { ...replenishmentToWire(request), historique: await replenishmentHistory(request) }
}
