import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { instantToWire } from '#core/instants'
import type { ReplenishmentStatus } from '#inventory/models/replenishment_request'
import { STATUS_TO_WIRE } from '#inventory/replenishment_state'

/*
 * A request is "in flight" from its asking to its receipt: the warehouse
 * still owes the store those goods. One per store and product at most
 * (migration 0018's partial unique index): a second would ship twice.
 */
export const IN_FLIGHT_STATUSES = ['pending', 'approved', 'shipped'] as const satisfies readonly ReplenishmentStatus[]

/** What a stock line or a refusal says of the request in flight. */
export interface InFlightRequestWire {
  id: number
  quantite: number
  statut: string
  demande_le: string
}

interface InFlightRow {
  id: number
  product_id: number
  quantity: number
  status: ReplenishmentStatus
  requested_at: Date
}

function toWire(row: InFlightRow): InFlightRequestWire {
  return {
    id: Number(row.id),
    quantite: row.quantity,
    statut: STATUS_TO_WIRE[row.status],
    demande_le: instantToWire(row.requested_at),
  }
}

/** The requests in flight for these products of one store, by product id (one query for a page). */
export async function inFlightRequests(storeId: number, productIds: number[], client: QueryClientContract = db.connection()) {
  const byProduct = new Map<number, InFlightRequestWire>()
  if (productIds.length === 0) return byProduct
  const rows: InFlightRow[] = await client
    .from('replenishment_requests')
    .where('store_id', storeId)
    .whereIn('product_id', productIds)
    .whereIn('status', [...IN_FLIGHT_STATUSES])
    // Rows from before the unique index cannot repeat (0018 resolved them); the oldest wins regardless.
    .orderBy('id', 'desc')
    .select('id', 'product_id', 'quantity', 'status', 'requested_at')
  for (const row of rows) byProduct.set(Number(row.product_id), toWire(row))
  return byProduct
}

/** The one request in flight for a store's product, or null. */
export async function inFlightRequest(storeId: number, productId: number, client?: QueryClientContract) {
  return (await inFlightRequests(storeId, [productId], client)).get(productId) ?? null
}
