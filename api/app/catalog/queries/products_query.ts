import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Product from '#catalog/models/product'

/*
 * The warehouse level of each product, as a join target. Products always
 * have one (created with the product), but a missing row still reads as 0.
 */
const WAREHOUSE_LEVELS = `LEFT JOIN (
    SELECT sl.product_id, sl.quantity FROM stock_levels sl
      JOIN stock_locations loc ON loc.id = sl.location_id AND loc.kind = 'warehouse'
  ) AS warehouse ON warehouse.product_id = products.id`

/**
 * Products with the central warehouse's on-hand quantity attached as
 * `$extras.warehouse_quantity` (one join, no per-row lookups). Pass the
 * transaction to read what it has just written.
 */
export function productsWithWarehouseStock(client?: QueryClientContract) {
  return Product.query(client ? { client } : undefined)
    .select('products.*')
    .select(db.raw('coalesce(warehouse.quantity, 0) AS warehouse_quantity'))
    .joinRaw(WAREHOUSE_LEVELS)
}

export function findProductWithStock(id: number, client?: QueryClientContract) {
  return productsWithWarehouseStock(client).where('products.id', id).first()
}

/**
 * Products on sale whose warehouse quantity is at most `threshold`, fewest first. Deactivated ones
 * are left out, as /stock/alerts leaves them: nobody reorders what is no longer sold.
 */
export function lowStockProducts(threshold: number, limit: number) {
  return productsWithWarehouseStock()
    .where('products.is_active', true)
    .whereRaw('coalesce(warehouse.quantity, 0) <= ?', [threshold])
    .orderByRaw('coalesce(warehouse.quantity, 0) ASC, products.id ASC')
    .limit(limit)
}
