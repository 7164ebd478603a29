import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'
import { WIRE_STATUSES } from '#inventory/replenishment_state'
import { QUANTITY_MAX, idField } from '#inventory/validators/common'

export const listReplenishmentsQuery = vine.create({
  page: paginationFields.page,
  size: paginationFields.size,
  limit: paginationFields.limit,
  sort: paginationFields.sort,
  statut: vine.enum(WIRE_STATUSES).optional(),
  magasin_id: idField().optional(),
  produit_id: idField().optional(),
})

export const replenishmentSortColumns: Record<string, string> = {
  id: 'replenishment_requests.id',
  demande_le: 'replenishment_requests.requested_at',
  quantite: 'replenishment_requests.quantity',
  magasin_id: 'replenishment_requests.store_id',
  produit_id: 'replenishment_requests.product_id',
}

/** What a request may ask for, at creation and when its quantity is changed while pending. */
const requestedQuantity = () => vine.number().withoutDecimals().min(1).max(QUANTITY_MAX)

export const createReplenishmentBody = vine.create({
  // Required: the original silently sent every request to the first store.
  magasin_id: idField(),
  produit_id: idField(),
  quantite: requestedQuantity(),
  note: vine.string().trim().maxLength(500).optional(),
})

/** PATCH /replenishments/{id}: the quantity of a pending request, the only field that may change. */
export const changeReplenishmentQuantityBody = vine.create({
  quantite: requestedQuantity(),
})

export const rejectReplenishmentBody = vine.create({
  motif: vine.string().trim().minLength(1).maxLength(500),
})

/**
 * approve: optionally the quantity the approver saw. The requester may still
 * change it while pending (PATCH), so a manager approving from a list that is
 * a minute old sends what it showed, and a different quantity is a 409.
 */
export const approveReplenishmentBody = vine.create({
  quantite: requestedQuantity().optional(),
})

/** ship, receive and cancel take no fields; any field sent is refused (422). */
export const noFieldsBody = vine.create({})

export const suggestionsQuery = vine.create({
  page: paginationFields.page,
  size: paginationFields.size,
  limit: paginationFields.limit,
  magasin_id: idField().optional(),
})
