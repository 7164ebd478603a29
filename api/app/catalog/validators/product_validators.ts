import vine, { errors } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { paginationFields } from '#core/pagination'
import { idParam, withoutNul } from '#core/validation'
import { wireToCents } from '#core/money'
import { moneyField } from '#catalog/validators/money_field'
import type { EchoedFields } from '#core/echoed_fields'
import { productsWithWarehouseStock } from '#catalog/queries/products_query'
import { productToWire } from '#catalog/transformers/product_transformer'

const INT_MAX = 2_147_483_647
/* Codes appear in URLs (/products/by-code/{code}): no spaces or slashes, and not `.` or `..`, which a URL resolves away. */
const CODE_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/
const BARCODE_PATTERN = /^[A-Za-z0-9-]+$/
export const MAX_INITIAL_STOCK = 1_000_000

export const productIdParams = vine.create({ id: idParam() })

export const productCodeParams = vine.create({
  code: vine.string().trim().use(withoutNul()).minLength(1).maxLength(32),
})

export const listProductsQuery = vine.create({
  ...paginationFields,
  categorie_id: vine.number().withoutDecimals().min(1).max(INT_MAX).optional(),
  prix_min: vine.number().min(0).max(10_000_000).optional(),
  prix_max: vine.number().min(0).max(10_000_000).optional(),
  /** true: products on sale only; false: deactivated ones only (the management pages list both). */
  actif: vine.boolean().optional(),
  /** The original's docs/openapi.json name of the category filter: an id, or a category name in any case. */
  category: vine.string().trim().maxLength(100).optional(),
})

/** Wire names a product list can be sorted by, mapped to columns. */
export const productSortColumns: Record<string, string> = {
  id: 'products.id',
  code: 'products.code',
  nom: 'products.name',
  prix: 'products.price_cents',
  categorie_id: 'products.category_id',
}

export const lowStockQuery = vine.create({
  threshold: vine.number().withoutDecimals().min(0).max(MAX_INITIAL_STOCK * 100).optional(),
  limit: vine.number().withoutDecimals().min(1).max(1000).optional(),
})

export const reduceStockQuery = vine.create({
  quantity: vine.number().withoutDecimals().min(1).max(MAX_INITIAL_STOCK),
})

/* `optional()` alone turns an explicit null into "absent"; a PATCH that sends
   `"nom": null` must be refused, not silently ignored. */
const sentAsNull = (field: FieldContext) => field.parent?.[field.name] === null

const fields = {
  code: () => vine.string().trim().minLength(1).maxLength(32).regex(CODE_PATTERN),
  nom: () => vine.string().trim().minLength(1).maxLength(200),
  description: () => vine.string().trim().maxLength(1000).nullable(),
  categorie_id: () => vine.number({ strict: true }).withoutDecimals().min(1).max(INT_MAX),
  code_barre: () => vine.string().trim().minLength(1).maxLength(32).regex(BARCODE_PATTERN).nullable(),
  actif: () => vine.boolean({ strict: true }),
}

export const createProductBody = vine.create({
  code: fields.code().optional(),
  nom: fields.nom(),
  description: fields.description().optional(),
  prix: moneyField(),
  quantite_stock: vine.number({ strict: true }).withoutDecimals().min(0).max(MAX_INITIAL_STOCK).optional(),
  categorie_id: fields.categorie_id(),
  code_barre: fields.code_barre().optional(),
  actif: fields.actif().optional(),
})

/** PATCH and PUT (the original's PUT was a PATCH): only the fields sent change. */
export const patchProductBody = vine.create({
  code: fields.code().optional().requiredWhen(sentAsNull),
  nom: fields.nom().optional().requiredWhen(sentAsNull),
  description: fields.description().optional(),
  prix: moneyField().optional().requiredWhen(sentAsNull),
  categorie_id: fields.categorie_id().optional().requiredWhen(sentAsNull),
  code_barre: fields.code_barre().optional(),
  actif: fields.actif().optional().requiredWhen(sentAsNull),
})

/** Editable product fields in code names (the wire → code mapping lives here). */
export interface ProductChanges {
  code?: string
  name?: string
  description?: string | null
  priceCents?: number
  categoryId?: number
  barcode?: string | null
  isActive?: boolean
}

type ProductBody = {
  code?: string
  nom?: string
  description?: string | null
  prix?: number
  categorie_id?: number
  code_barre?: string | null
  actif?: boolean
}

export function productChangesFromWire(body: ProductBody): ProductChanges {
  const changes: ProductChanges = {}
  if (body.code !== undefined) changes.code = body.code
  if (body.nom !== undefined) changes.name = body.nom
  if (body.description !== undefined) changes.description = body.description
  if (body.prix !== undefined) changes.priceCents = wireToCents(body.prix)!
  if (body.categorie_id !== undefined) changes.categoryId = body.categorie_id
  if (body.code_barre !== undefined) changes.barcode = body.code_barre
  if (body.actif !== undefined) changes.isActive = body.actif
  return changes
}

/** POST: the editable fields plus the opening warehouse stock. */
type NewProductBody = ProductBody & { nom: string; prix: number; categorie_id: number; quantite_stock?: number }

export function newProductFromWire(body: NewProductBody) {
  return {
    ...productChangesFromWire(body),
    name: body.nom,
    priceCents: wireToCents(body.prix)!,
    categoryId: body.categorie_id,
    initialWarehouseStock: body.quantite_stock,
  }
}

/**
 * What a product's GET shows but its update cannot change. The warehouse
 * quantity is the sum of the stock ledger: writing it directly would break
 * that, so a different value is refused with the way out.
 */
export function productReadOnlyFields(id: number): EchoedFields {
  return {
    fields: {
      id: 'id cannot be changed: the product is the one in the URL',
      quantite_stock:
        'quantite_stock cannot be changed by updating the product: it is the warehouse stock, changed only by ' +
        'stock movements (POST /api/v1/products/{id}/reduce-stock, receipts, adjustments, replenishments)',
    },
    async current() {
      const row = await productsWithWarehouseStock().where('products.id', id).first()
      return row ? productToWire(row) : null
    },
  }
}

export function categoryNotFound(categoryId: number) {
  return new errors.E_VALIDATION_ERROR([
    { field: 'categorie_id', message: `Category with identifier ${categoryId} does not exist`, rule: 'exists' },
  ])
}
