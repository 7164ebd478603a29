import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'

export const productIdParams = vine.create({
  id: vine.number().withoutDecimals().min(1).max(2_147_483_647),
})

export const listProductsQuery = vine.create({
  ...paginationFields,
  categorie_id: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
  prix_min: vine.number().min(0).max(10_000_000).optional(),
  prix_max: vine.number().min(0).max(10_000_000).optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})

/** Wire names a product list can be sorted by, mapped to columns. */
export const productSortColumns: Record<string, string> = {
  id: 'products.id',
  code: 'products.code',
  nom: 'products.name',
  prix: 'products.price_cents',
  categorie_id: 'products.category_id',
}
