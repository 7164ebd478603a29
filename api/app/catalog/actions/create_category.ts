import db from '@adonisjs/lucid/services/db'
import Category from '#catalog/models/category'
import { assertCategoryNameFree, translateCategoryWriteError } from '#catalog/services/category_integrity'
import { invalidateAfterCommit, Tags } from '#core/cache'

export async function createCategory(input: { name: string; description: string | null }): Promise<Category> {
  try {
    return await db.transaction(async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      await assertCategoryNameFree(trx, input.name)
      return Category.create(input, { client: trx })
    })
  } catch (error) {
    throw translateCategoryWriteError(error, input.name)
  }
}
