import db from '@adonisjs/lucid/services/db'
import Category from '#catalog/models/category'
import { ApiError } from '#core/api_error'
import { isForeignKeyViolation } from '#core/db_errors'
import { invalidateAfterCommit, Tags } from '#core/cache'

/**
 * Deletes a category no product uses. The row lock makes a concurrent
 * product creation in this category wait (it holds FOR KEY SHARE on it).
 */
export async function deleteCategory(categoryId: number): Promise<Category> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      const category = await Category.query({ client: trx }).where('id', categoryId).forUpdate().first()
      if (!category) throw ApiError.notFound('Category', categoryId)
      const used = await trx.from('products').where('category_id', categoryId).select('id').first()
      if (used) throw ApiError.inUse('Category', categoryId, ['products'])
      await category.delete()
      return category
    })
  } catch (error) {
    if (isForeignKeyViolation(error)) throw ApiError.inUse('Category', categoryId, ['products'])
    throw error
  }
}
