import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import { violatedUniqueConstraint } from '#core/db_errors'
import { categoryNotFound, type ProductChanges } from '#catalog/validators/product_validators'

/**
 * Reads the category a product is being attached to and holds it (FOR KEY
 * SHARE) until commit, so it cannot be deleted under the write. A missing
 * category is the client's input error (422 on categorie_id), not a 500.
 */
export async function lockCategory(trx: TransactionClientContract, categoryId: number) {
  const result = await trx.rawQuery<{ rows: { id: number; name: string }[] }>(
    'SELECT id, name FROM categories WHERE id = ? FOR KEY SHARE',
    [categoryId]
  )
  const category = result.rows[0]
  if (!category) throw categoryNotFound(categoryId)
  return category
}

/** 409 naming the field when another product already has this code or barcode, in any case ("ali001" is ALI001). */
export async function assertUniqueProductFields(
  trx: TransactionClientContract,
  changes: Pick<ProductChanges, 'code' | 'barcode'>,
  exceptProductId?: number
) {
  const checks = [
    { column: 'code', field: 'code', value: changes.code },
    { column: 'barcode', field: 'code_barre', value: changes.barcode },
  ]
  for (const { column, field, value } of checks) {
    if (value === undefined || value === null) continue
    const taken = await trx
      .from('products')
      .whereRaw(`lower(${column}) = lower(?)`, [value])
      .if(exceptProductId !== undefined, (q) => q.whereNot('id', exceptProductId!))
      .select('id')
      .first()
    if (taken) throw ApiError.duplicate('Product', field, value)
  }
}

/** The same 409 when a concurrent write won the race past the check above. */
export function translateProductWriteError(error: unknown, changes: Pick<ProductChanges, 'code' | 'barcode'>) {
  const constraint = violatedUniqueConstraint(error)
  if (constraint === 'products_code_unique' || constraint === 'products_code_lower_unique') return ApiError.duplicate('Product', 'code', changes.code)
  if (constraint === 'products_barcode_unique' || constraint === 'products_barcode_lower_unique') {
    return ApiError.duplicate('Product', 'code_barre', changes.barcode)
  }
  return error
}
