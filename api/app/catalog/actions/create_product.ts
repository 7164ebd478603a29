import Product from '#catalog/models/product'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { findProductWithStock } from '#catalog/queries/products_query'
import { nextProductCode } from '#catalog/services/product_codes'
import { assertUniqueProductFields, lockCategory, translateProductWriteError } from '#catalog/services/product_integrity'
import { openLevelsForProduct } from '#inventory/services/stock_levels'
import { warehouseLocation } from '#inventory/services/stock_locations'
import type { ProductChanges } from '#catalog/validators/product_validators'
import { ApiError } from '#core/api_error'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'

const CREATIONS: IdempotentOperation = { name: 'product_creation', resource: 'product' }

export interface NewProduct extends ProductChanges {
  name: string
  priceCents: number
  categoryId: number
  /** Opening quantity received at the central warehouse. */
  initialWarehouseStock?: number
}

/**
 * Creates a product with a stock level everywhere, and its opening warehouse
 * stock as a `receipt` in the ledger, all in one transaction. Without a code
 * the next one of the category series is assigned (ALI005 → ALI006), as
 * the original README's example creates a product without one — which is
 * why a re-posted form (same Idempotency-Key) must answer with the first
 * product instead of creating a second one under the next code.
 */
export async function createProduct(
  input: NewProduct,
  actor: { userId: number | null },
  idempotencyKey: IdempotencyKey | null = null
): Promise<{ product: Product; replayed: boolean }> {
  let outcome
  try {
    outcome = await writeIdempotently(CREATIONS, idempotencyKey, input, async (trx) => {
      invalidateAfterCommit(trx, [Tags.catalog])
      const category = await lockCategory(trx, input.categoryId)
      const code = input.code ?? (await nextProductCode(trx, category.name))
      await assertUniqueProductFields(trx, { code, barcode: input.barcode })

      const product = await Product.create(
        {
          code,
          name: input.name,
          description: input.description ?? null,
          priceCents: input.priceCents,
          categoryId: input.categoryId,
          barcode: input.barcode ?? null,
          isActive: input.isActive ?? true,
        },
        { client: trx }
      )
      await openLevelsForProduct(trx, product.id)
      if (input.initialWarehouseStock) {
        await applyStockChanges(
          trx,
          (await warehouseLocation(trx)).id,
          [{ productId: product.id, delta: input.initialWarehouseStock }],
          { kind: 'receipt', reason: 'Stock initial (création du produit)', userId: actor.userId }
        )
      }
      return { stored: { product_id: product.id }, fresh: (await findProductWithStock(product.id, trx))! }
    })
  } catch (error) {
    throw await translateProductWriteError(error, { code: input.code, barcode: input.barcode })
  }
  const { made, replayed } = await madeOrCurrent(
    outcome,
    (s) => findProductWithStock(s.product_id),
    (s) => ApiError.notFound('Product', s.product_id)
  )
  return { product: made, replayed }
}
