import db from '@adonisjs/lucid/services/db'
import Product from '#catalog/models/product'
import { ApiError } from '#core/api_error'
import { isForeignKeyViolation } from '#core/db_errors'
import { findProductWithStock } from '#catalog/queries/products_query'
import { dropEmptyLevelsOfProduct } from '#inventory/services/stock_levels'
import { invalidateAfterCommit, Tags } from '#core/cache'

/* Records that keep a product's history; any of them makes it undeletable. */
const REFERENCES = [
  { table: 'sale_lines', label: 'sales' },
  { table: 'stock_movements', label: 'stock movements' },
  { table: 'replenishment_requests', label: 'replenishment requests' },
  { table: 'daily_sales_rollups', label: 'sales reports' },
] as const

/** What a product with history gets instead of a deletion: off sale, its records kept. */
export function deactivateInstead(productId: number) {
  return {
    advice: `deactivate it instead (PATCH /api/v1/products/${productId} with {"actif": false})`,
    suggestion: { actif: false },
  }
}

/**
 * Deletes a product that was never sold, moved or requested, with its empty
 * stock levels, and returns it as it was. The row lock makes a concurrent
 * sale wait; the foreign keys are the last word if one still slips in.
 */
export async function deleteProduct(productId: number) {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      const product = await Product.query({ client: trx }).where('id', productId).forUpdate().first()
      if (!product) throw ApiError.notFound('Product', productId)

      const usedBy: string[] = []
      for (const { table, label } of REFERENCES) {
        const row = await trx.from(table).where('product_id', productId).select(trx.raw('1')).first()
        if (row) usedBy.push(label)
      }
      if (usedBy.length > 0) throw ApiError.inUse('Product', productId, usedBy, deactivateInstead(productId))

      const snapshot = (await findProductWithStock(productId, trx))!
      await dropEmptyLevelsOfProduct(trx, productId)
      await product.delete()
      return snapshot
    })
  } catch (error) {
    if (isForeignKeyViolation(error)) throw ApiError.inUse('Product', productId, ['other records'], deactivateInstead(productId))
    throw error
  }
}
