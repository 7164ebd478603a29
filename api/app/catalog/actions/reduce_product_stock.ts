import db from '@adonisjs/lucid/services/db'
import Product from '#catalog/models/product'
import { ApiError } from '#core/api_error'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { findProductWithStock } from '#catalog/queries/products_query'
import { warehouseLocation } from '#inventory/services/stock_locations'

/**
 * The original's `reduce-stock`: removes units from the central warehouse
 * as a ledger `adjustment`. Not enough stock is a 409 INSUFFICIENT_STOCK
 * from the ledger, and nothing changes.
 */
export async function reduceProductStock(
  productId: number,
  quantity: number,
  actor: { userId: number | null }
): Promise<Product> {
  return db.transaction(async (trx) => {
    const exists = await Product.query({ client: trx }).where('id', productId).select('id').first()
    if (!exists) throw ApiError.notFound('Product', productId)
    await applyStockChanges(trx, (await warehouseLocation(trx)).id, [{ productId, delta: -quantity }], {
      kind: 'adjustment',
      reason: 'reduce-stock (API)',
      userId: actor.userId,
    })
    return (await findProductWithStock(productId, trx))!
  })
}
