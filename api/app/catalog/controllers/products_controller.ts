import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { wireToCents } from '#core/money'
import { productToWire } from '#catalog/transformers/product_transformer'
import { productsWithWarehouseStock } from '#catalog/queries/products_query'
import {
  listProductsQuery,
  productIdParams,
  productSortColumns,
} from '#catalog/validators/product_validators'

export default class ProductsController {
  async index({ request }: HttpContext) {
    const filters = await listProductsQuery.validate(request.qs())
    const query = productsWithWarehouseStock()
      .if(filters.search, (q) =>
        q.where((w) =>
          w
            .whereILike('products.name', `%${filters.search}%`)
            .orWhereILike('products.code', `%${filters.search}%`)
            .orWhereILike('products.description', `%${filters.search}%`)
            .orWhere('products.barcode', filters.search!)
        )
      )
      .if(filters.categorie_id, (q) => q.where('products.category_id', filters.categorie_id!))
      .if(filters.prix_min !== undefined, (q) =>
        q.where('products.price_cents', '>=', wireToCents(filters.prix_min!) ?? Math.round(filters.prix_min! * 100))
      )
      .if(filters.prix_max !== undefined, (q) =>
        q.where('products.price_cents', '<=', wireToCents(filters.prix_max!) ?? Math.round(filters.prix_max! * 100))
      )
    const sort = resolveSort(filters.sort, productSortColumns, { column: 'products.id', direction: 'asc' })
    return paginate(
      query,
      { page: filters.page, size: filters.limit ?? filters.size, sort, tieBreaker: 'products.id' },
      productToWire
    )
  }

  async show({ params }: HttpContext) {
    const { id } = await productIdParams.validate(params)
    const product = await productsWithWarehouseStock().where('products.id', id).first()
    if (!product) throw ApiError.notFound('Product', id)
    return productToWire(product)
  }
}
