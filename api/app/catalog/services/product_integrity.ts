import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
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

type UniqueField = 'code' | 'code_barre'
const COLUMNS: Record<UniqueField, string> = { code: 'code', code_barre: 'barcode' }

/** The product that already holds a code or barcode, as any writer may read it anyway (GET /products/:id). */
export interface ProductHolder {
  id: number
  code: string
  nom: string
}

async function holderOf(client: QueryClientContract, field: UniqueField, value: string, exceptProductId?: number) {
  const row = await client
    .from('products')
    .whereRaw(`lower(${COLUMNS[field]}) = lower(?)`, [value])
    .if(exceptProductId !== undefined, (q) => q.whereNot('id', exceptProductId!))
    .select('id', 'code', 'name')
    .first()
  return row ? ({ id: row.id, code: row.code, nom: row.name } as ProductHolder) : undefined
}

/**
 * DUPLICATE_RESOURCE as every resource answers it, plus the product holding
 * the value (`details.existing`, named in the message): the person who typed
 * a code needs to know where it is used, not only that it is.
 */
export function productTaken(field: UniqueField, value: unknown, holder?: ProductHolder) {
  const duplicate = ApiError.duplicate('Product', field, value)
  if (!holder) return duplicate
  return new ApiError(duplicate.status, duplicate.code, `${duplicate.message}: ${holder.nom} (${holder.code})`, {
    ...duplicate.details,
    existing: holder,
  })
}

/** 409 naming the field when another product already has this code or barcode, in any case ("ali001" is ALI001). */
export async function assertUniqueProductFields(
  trx: TransactionClientContract,
  changes: Pick<ProductChanges, 'code' | 'barcode'>,
  exceptProductId?: number
) {
  const checks = [
    { field: 'code', value: changes.code },
    { field: 'code_barre', value: changes.barcode },
  ] as const
  for (const { field, value } of checks) {
    if (value === undefined || value === null) continue
    const holder = await holderOf(trx, field, value, exceptProductId)
    if (holder) throw productTaken(field, value, holder)
  }
}

/**
 * The same 409 when a concurrent write won the race past the check above.
 * The write's transaction is over: the winner is read outside it, committed.
 */
export async function translateProductWriteError(
  error: unknown,
  changes: Pick<ProductChanges, 'code' | 'barcode'>,
  exceptProductId?: number
) {
  const constraint = violatedUniqueConstraint(error)
  const field: UniqueField | null =
    constraint === 'products_code_unique' || constraint === 'products_code_lower_unique'
      ? 'code'
      : constraint === 'products_barcode_unique' || constraint === 'products_barcode_lower_unique'
        ? 'code_barre'
        : null
  if (!field) return error
  const value = field === 'code' ? changes.code : changes.barcode
  const holder = typeof value === 'string' ? await holderOf(db.connection(), field, value, exceptProductId) : undefined
  return productTaken(field, value, holder)
}
