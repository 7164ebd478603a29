import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import { violatedUniqueConstraint } from '#core/db_errors'

/* Names are unique regardless of case: "boissons" next to "Boissons" is a mistake. */
export async function assertCategoryNameFree(trx: TransactionClientContract, name: string, exceptId?: number) {
  const taken = await trx
    .from('categories')
    .whereRaw('lower(name) = lower(?)', [name])
    .if(exceptId !== undefined, (q) => q.whereNot('id', exceptId!))
    .select('id')
    .first()
  if (taken) throw ApiError.duplicate('Category', 'nom', name)
}

/** The same 409 when a concurrent write won the race past the check. */
export function translateCategoryWriteError(error: unknown, name: string | undefined) {
  return violatedUniqueConstraint(error) === 'categories_name_unique' ? ApiError.duplicate('Category', 'nom', name) : error
}
