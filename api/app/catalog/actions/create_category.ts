import Category from '#catalog/models/category'
import { assertCategoryNameFree, translateCategoryWriteError } from '#catalog/services/category_integrity'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'

const CREATIONS: IdempotentOperation = { name: 'category_creation', resource: 'category' }

/** A retry with the same Idempotency-Key answers with the category it created. */
export async function createCategory(
  input: { name: string; description: string | null },
  idempotencyKey: IdempotencyKey | null = null
): Promise<{ model: Category; replayed: boolean }> {
  let outcome
  try {
    outcome = await writeIdempotently(CREATIONS, idempotencyKey, input, async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      await assertCategoryNameFree(trx, input.name)
      const category = await Category.create(input, { client: trx })
      return { stored: { category_id: category.id }, fresh: category }
    })
  } catch (error) {
    throw translateCategoryWriteError(error, input.name)
  }
  const { made, replayed } = await madeOrCurrent(outcome, (s) => Category.find(s.category_id), (s) => ApiError.notFound('Category', s.category_id))
  return { model: made, replayed }
}
