import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import StockLevel from '#inventory/models/stock_level'
import StockMovement from '#inventory/models/stock_movement'

/*
 * Levels and movements with their location and product names joined in
 * (one query per page, never one per row). The transformers read the
 * joined columns from $extras.
 */

const LOCATION_AND_PRODUCT = [
  'stock_locations.kind as location_kind',
  'stock_locations.store_id as location_store_id',
  'stock_locations.name as location_name',
  'products.code as product_code',
  'products.name as product_name',
]

export function levelsQuery(client?: QueryClientContract) {
  return StockLevel.query(client ? { client } : {})
    .join('stock_locations', 'stock_locations.id', 'stock_levels.location_id')
    .join('products', 'products.id', 'stock_levels.product_id')
    .select('stock_levels.*', ...LOCATION_AND_PRODUCT)
}

export function movementsQuery(client?: QueryClientContract) {
  return withLocationAndProduct(StockMovement.query(client ? { client } : {}))
}

/** Adds the location and product columns (and who wrote it) to a (filtered) movement query. */
export function withLocationAndProduct(query: ModelQueryBuilderContract<typeof StockMovement>) {
  return query
    .join('stock_locations', 'stock_locations.id', 'stock_movements.location_id')
    .join('products', 'products.id', 'stock_movements.product_id')
    .leftJoin('users', 'users.id', 'stock_movements.user_id')
    .select('stock_movements.*', ...LOCATION_AND_PRODUCT, 'users.full_name as user_name')
}

/**
 * Ids of the movements a transaction has just written for these products at
 * this location. Safe because the caller still holds the level locks taken
 * by applyStockChanges: nobody else can have written a newer row for them.
 */
export async function latestMovementIds(client: QueryClientContract, locationId: number, productIds: number[]) {
  const rows = await client
    .from('stock_movements')
    .distinctOn('product_id')
    .where('location_id', locationId)
    .whereIn('product_id', productIds)
    .orderBy('product_id')
    .orderBy('id', 'desc')
    .select('id', 'product_id')
  return new Map<number, number>(rows.map((row) => [Number(row.product_id), Number(row.id)]))
}

/** The wire rows of just-written movements, in the order of the ids given. */
export async function movementsByIds(ids: number[], client?: QueryClientContract) {
  if (ids.length === 0) return []
  const rows = await movementsQuery(client).whereIn('stock_movements.id', ids)
  return ids.map((id) => rows.find((row) => Number(row.id) === id)!)
}
