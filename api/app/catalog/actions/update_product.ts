import db from '@adonisjs/lucid/services/db'
import Product from '#catalog/models/product'
import { ApiError } from '#core/api_error'
import { findProductWithStock } from '#catalog/queries/products_query'
import { assertUniqueProductFields, lockCategory, translateProductWriteError } from '#catalog/services/product_integrity'
import type { ProductChanges } from '#catalog/validators/product_validators'
import { invalidateAfterCommit, Tags } from '#core/cache'

/**
 * Applies the given field changes (all of them for a PUT, the sent ones for
 * a PATCH). The warehouse quantity is never among them: stock changes go
 * through the ledger only.
 */
export async function updateProduct(productId: number, changes: ProductChanges): Promise<Product> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      const product = await Product.query({ client: trx }).where('id', productId).forUpdate().first()
      if (!product) throw ApiError.notFound('Product', productId)
      if (changes.categoryId !== undefined && changes.categoryId !== product.categoryId) {
        await lockCategory(trx, changes.categoryId)
      }
      await assertUniqueProductFields(trx, changes, productId)
      product.merge(changes)
      await product.save()
      return (await findProductWithStock(productId, trx))!
    })
  } catch (error) {
    throw await translateProductWriteError(error, changes, productId)
  }
}
