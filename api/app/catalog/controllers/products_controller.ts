import type { HttpContext } from '@adonisjs/core/http'
import { created } from '#core/created'
import { idempotencyKeyOf, validateKeyedBody } from '#core/idempotency'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { wireToCents } from '#core/money'
import { validateBody, validateQuery } from '#core/validation'
import { containsAnyOf } from '#core/search_pattern'
import { cached, cacheKey, Tags, TTL } from '#core/cache'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { errors } from '@vinejs/vine'
import { warehouseLocation } from '#inventory/services/stock_locations'
import { requireRole } from '#access/policies'
import { productToWire } from '#catalog/transformers/product_transformer'
import { lowStockProducts, productsWithWarehouseStock } from '#catalog/queries/products_query'
import { createProduct } from '#catalog/actions/create_product'
import { updateProduct } from '#catalog/actions/update_product'
import { deleteProduct } from '#catalog/actions/delete_product'
import { reduceProductStock } from '#catalog/actions/reduce_product_stock'
import {
  createProductBody,
  listProductsQuery,
  lowStockQuery,
  newProductFromWire,
  patchProductBody,
  productChangesFromWire,
  productCodeParams,
  productIdParams,
  productSortColumns,
  reduceStockQuery,
  productReadOnlyFields,
} from '#catalog/validators/product_validators'

/* A product shows the warehouse quantity, so it depends on the catalog and on that stock. */
let warehouseTag: Promise<string> | null = null
async function productTags() {
  warehouseTag ??= warehouseLocation(db.connection())
    .then((location) => Tags.stockOf(location.id))
    .catch((error) => {
      warehouseTag = null
      throw error
    })
  return [Tags.catalog, await warehouseTag]
}

/* Reads the original API had: a query parameter they do not know is ignored, as it was. */
const ORIGINAL_READ = { unknownParameters: 'ignore' } as const

/*
 * `category`, the filter the original's docs/openapi.json documented: a
 * category id (like categorie_id, which wins when both are sent) or a
 * category name, in any case (names are unique regardless of case).
 */
const CATEGORY_ID = /^\d{1,10}$/
function categoryIds(category: string) {
  const ids = db.from('categories').select('id')
  return CATEGORY_ID.test(category) && Number(category) <= 2_147_483_647
    ? ids.where('id', Number(category))
    : ids.whereRaw('lower(name) = lower(?)', [category])
}

const LOW_STOCK_DEFAULT_THRESHOLD = 10
const LOW_STOCK_DEFAULT_LIMIT = 1000

export default class ProductsController {
  async index(ctx: HttpContext) {
    const filters = await validateQuery(listProductsQuery, ctx, ORIGINAL_READ)
    // Swapped bounds are a mistake to name, as an end date before the start is: not an empty page.
    if (filters.prix_min !== undefined && filters.prix_max !== undefined && filters.prix_max < filters.prix_min) {
      throw new errors.E_VALIDATION_ERROR([
        { field: 'prix_max', message: 'prix_max is below prix_min', rule: 'afterOrEqual' },
      ])
    }
    return cached(cacheKey('products:list', filters), { ttl: TTL.catalog, tags: await productTags() }, () =>
      this.list(filters)
    )
  }

  private list(filters: Infer<typeof listProductsQuery>) {
    const query = productsWithWarehouseStock()
      .if(filters.search, (q) =>
        q.where((w) =>
          w
            .whereRaw(...containsAnyOf(['products.name', 'products.code', 'products.description'], filters.search!))
            .orWhere('products.barcode', filters.search!)
        )
      )
      .if(filters.categorie_id, (q) => q.where('products.category_id', filters.categorie_id!))
      .if(!filters.categorie_id && filters.category, (q) => q.whereIn('products.category_id', categoryIds(filters.category!)))
      .if(filters.actif !== undefined, (q) => q.where('products.is_active', filters.actif!))
      // A bound finer than a cent (1.234) rounds inwards: rounding to the nearest cent let 1.23 pass prix_min=1.234.
      .if(filters.prix_min !== undefined, (q) =>
        q.where('products.price_cents', '>=', wireToCents(filters.prix_min!) ?? Math.ceil(filters.prix_min! * 100))
      )
      .if(filters.prix_max !== undefined, (q) =>
        q.where('products.price_cents', '<=', wireToCents(filters.prix_max!) ?? Math.floor(filters.prix_max! * 100))
      )
    const sort = resolveSort(filters.sort, productSortColumns, { column: 'products.id', direction: 'asc' })
    return paginate(
      query,
      { page: filters.page, size: filters.size, sort, tieBreaker: 'products.id' },
      productToWire
    )
  }

  async show({ params }: HttpContext) {
    const { id } = await productIdParams.validate(params)
    const product = await cached(cacheKey(`products:${id}`), { ttl: TTL.catalog, tags: await productTags() }, async () => {
      const row = await productsWithWarehouseStock().where('products.id', id).first()
      // null is cached too: a flood of requests for a missing id stays off the database
      return row ? productToWire(row) : null
    })
    if (!product) throw ApiError.notFound('Product', id)
    return product
  }

  async byCode({ params }: HttpContext) {
    const { code } = await productCodeParams.validate(params)
    // Codes are unique in any case (migration 0026, index on lower(code)): a scanner or a person may type either.
    const product = await productsWithWarehouseStock().whereRaw('lower(products.code) = lower(?)', [code]).first()
    if (!product) throw ApiError.notFound('Product', code)
    return productToWire(product)
  }

  async lowStock(ctx: HttpContext) {
    const { threshold, limit } = await validateQuery(lowStockQuery, ctx, ORIGINAL_READ)
    const products = await lowStockProducts(
      threshold ?? LOW_STOCK_DEFAULT_THRESHOLD,
      limit ?? LOW_STOCK_DEFAULT_LIMIT
    )
    return products.map(productToWire)
  }

  async store(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { body, key } = await validateKeyedBody(createProductBody, ctx)
    const { product, replayed } = await createProduct(newProductFromWire(body), { userId: ctx.principal.user?.id ?? null }, key)
    if (replayed) {
      ctx.response.header('Idempotent-Replayed', 'true')
      return productToWire(product)
    }
    return created(ctx, `/products/${product.id}`, productToWire(product))
  }

  /** PATCH and PUT: a product read back whole is accepted; `quantite_stock` changes only through stock movements. */
  async patch(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await productIdParams.validate(ctx.params)
    const body = await validateBody(patchProductBody, ctx, { echoed: productReadOnlyFields(id) })
    return productToWire(await updateProduct(id, productChangesFromWire(body)))
  }

  async destroy(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await productIdParams.validate(ctx.params)
    return productToWire(await deleteProduct(id))
  }

  async reduceStock(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await productIdParams.validate(ctx.params)
    const { quantity } = await validateQuery(reduceStockQuery, ctx)
    const { product, replayed } = await reduceProductStock(
      id,
      quantity,
      { userId: ctx.principal.user?.id ?? null },
      await idempotencyKeyOf(ctx)
    )
    if (replayed) ctx.response.header('Idempotent-Replayed', 'true')
    return productToWire(product)
  }
}
