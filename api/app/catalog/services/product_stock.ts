import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/*
 * Stock-level bookkeeping the catalog needs when a product appears or
 * disappears. Zero-quantity rows carry no ledger entry (the ledger of a
 * level sums to its quantity: 0). Belongs with the inventory module's
 * services once it exposes one for this.
 */

/**
 * A zero level at the warehouse and at every store, so the new product can
 * be received, replenished and sold everywhere (the original's products
 * created through the API had no store stock row and could never be sold).
 */
export async function openStockLevels(trx: TransactionClientContract, productId: number) {
  await trx.rawQuery(
    `INSERT INTO stock_levels (location_id, product_id, quantity, reorder_point)
     SELECT id, ?, 0, 0 FROM stock_locations
     ON CONFLICT (location_id, product_id) DO NOTHING`,
    [productId]
  )
}

/** Removes a never-used product's empty levels (callers check it has no movements). */
export async function dropEmptyStockLevels(trx: TransactionClientContract, productId: number) {
  await trx.from('stock_levels').where('product_id', productId).where('quantity', 0).delete()
}
