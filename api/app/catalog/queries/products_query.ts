import Product from '#catalog/models/product'

/**
 * Products with the central warehouse's on-hand quantity attached as
 * `$extras.warehouse_quantity` (one LEFT JOIN, no per-row lookups).
 */
export function productsWithWarehouseStock() {
  return Product.query()
    .select('products.*')
    .select(
      Product.query()
        .client.from('stock_levels')
        .join('stock_locations', 'stock_locations.id', 'stock_levels.location_id')
        .where('stock_locations.kind', 'warehouse')
        .whereColumn('stock_levels.product_id', 'products.id')
        .select('stock_levels.quantity')
        .as('warehouse_quantity')
    )
}
