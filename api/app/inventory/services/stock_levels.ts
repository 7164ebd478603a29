import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/*
 * Creating and removing EMPTY stock levels. A level at 0 needs no ledger
 * entry (its ledger sums to 0); anything that changes a quantity goes
 * through applyStockChanges instead.
 */

/**
 * A zero level at the warehouse and at every store for a new product, so it
 * can be received, replenished and sold everywhere (the original's new
 * products had no store stock row and could never be sold).
 */
export async function openLevelsForProduct(trx: TransactionClientContract, productId: number) {
  await trx.rawQuery(
    `INSERT INTO stock_levels (location_id, product_id, quantity, reorder_point)
     SELECT id, ?, 0, 0 FROM stock_locations
     ON CONFLICT (location_id, product_id) DO NOTHING`,
    [productId]
  )
}

/** A zero level for every product at a new location (a new store). */
export async function openLevelsForLocation(trx: TransactionClientContract, locationId: number) {
  await trx.rawQuery(
    `INSERT INTO stock_levels (location_id, product_id, quantity, reorder_point)
     SELECT ?, id, 0, 0 FROM products
     ON CONFLICT (location_id, product_id) DO NOTHING`,
    [locationId]
  )
}

/** Creates the level at 0 if it is missing (so it can then be locked). */
export async function ensureLevel(trx: TransactionClientContract, locationId: number, productId: number) {
  await trx.rawQuery(
    `INSERT INTO stock_levels (location_id, product_id, quantity) VALUES (?, ?, 0)
     ON CONFLICT (location_id, product_id) DO NOTHING`,
    [locationId, productId]
  )
}

/** Removes a never-used product's empty levels (callers check it has no movements). */
export async function dropEmptyLevelsOfProduct(trx: TransactionClientContract, productId: number) {
  await trx.from('stock_levels').where('product_id', productId).where('quantity', 0).delete()
}
