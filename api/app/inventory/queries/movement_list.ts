import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import { DEFAULT_PAGE_SIZE, orderBySort, resolveSort } from '#core/pagination'
import { whereBusinessDays } from '#core/business_time'
import type { Principal } from '#access/principal'
import StockMovement from '#inventory/models/stock_movement'
import { withLocationAndProduct } from '#inventory/queries/stock_queries'
import { scopedLocationFilter, warehouseLocation, type LocationFilter } from '#inventory/services/stock_locations'
import { movementToWire } from '#inventory/transformers/stock_transformers'
import { fieldError } from '#core/validation'
import { movementSortColumns, movementsQuery as movementsFilters } from '#inventory/validators/stock_validators'
import { kindFromWire, referenceTypeFromWire } from '#inventory/wire_names'

type Filters = Infer<typeof movementsFilters>

/** `date_debut` (French, as the README documented) or its alias `start_date`; not two different values. */
function oneOf(field: string, french: string | undefined, alias: string | undefined) {
  if (french !== undefined && alias !== undefined && french !== alias) {
    throw fieldError(field, `Give ${field} or its alias, not two different dates`, 'oneOf')
  }
  return french ?? alias
}

/**
 * The ledger, newest first (ids grow with every write, so `id` is a total
 * order; a sort on cree_le breaks ties by id the same way). Dates are business days in the stores' time
 * zone, both ends included; the bounds are turned into instants so the
 * created_at index is used.
 */
export async function movementPage(principal: Principal, filters: Filters) {
  const location = scopedLocationFilter(principal, filters)
  const from = oneOf('date_debut', filters.date_debut, filters.start_date)
  const to = oneOf('date_fin', filters.date_fin, filters.end_date)
  const [referenceType, referenceId] = filters.reference?.split(':') ?? []

  const locationId = await locationIdOf(location)

  // Filters use stock_movements' own columns (indexed), so the count needs no join.
  const filtered = StockMovement.query()
    .if(locationId !== undefined, (q) => q.where('stock_movements.location_id', locationId!))
    .if(filters.produit_id, (q) => q.where('stock_movements.product_id', filters.produit_id!))
    .if(filters.type, (q) => q.where('stock_movements.kind', kindFromWire(filters.type!)))
    .if(referenceType, (q) => q.where('stock_movements.reference_type', referenceTypeFromWire(referenceType)))
    .if(referenceId, (q) => q.where('stock_movements.reference_id', Number(referenceId)))
  whereBusinessDays(filtered, 'stock_movements.created_at', { from, to })
  const sort = resolveSort(filters.sort, movementSortColumns, { column: 'stock_movements.id', direction: 'desc' })
  const page = filters.page ?? 1
  const size = filters.size ?? DEFAULT_PAGE_SIZE

  const countRow = await filtered.clone().count('* as total').first()
  const rows = await orderBySort(withLocationAndProduct(filtered), sort)
    .if(sort.column !== 'stock_movements.id', (q) => q.orderBy('stock_movements.id', sort.direction))
    .offset((page - 1) * size)
    .limit(size)
  return { total: Number(countRow?.$extras.total ?? 0), page, size, items: rows.map(movementToWire) }
}

/** The one location a filter names; -1 (matches nothing) for a store without one. */
async function locationIdOf(location: LocationFilter): Promise<number | undefined> {
  if (location.warehouse) return (await warehouseLocation(db.connection())).id
  if (location.storeId === undefined) return undefined
  const row = await db.from('stock_locations').where('store_id', location.storeId).select('id').first()
  return row ? Number(row.id) : -1
}
