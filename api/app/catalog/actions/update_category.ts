import db from '@adonisjs/lucid/services/db'
import Category from '#catalog/models/category'
import { ApiError } from '#core/api_error'
import { assertCategoryNameFree, translateCategoryWriteError } from '#catalog/services/category_integrity'
import type { CategoryChanges } from '#catalog/validators/category_validators'
import { invalidateAfterCommit, Tags } from '#core/cache'

/** PUT passes every field, PATCH only the sent ones. */
export async function updateCategory(categoryId: number, changes: CategoryChanges): Promise<Category> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      const category = await Category.query({ client: trx }).where('id', categoryId).forUpdate().first()
      if (!category) throw ApiError.notFound('Category', categoryId)
      if (changes.name !== undefined) await assertCategoryNameFree(trx, changes.name, categoryId)
      category.merge(changes)
      await category.save()
      return category
    })
  } catch (error) {
    throw translateCategoryWriteError(error, changes.name)
  }
}
