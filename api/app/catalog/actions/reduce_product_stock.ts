import Product from '#catalog/models/product'
import { ApiError } from '#core/api_error'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'
import { applyStockChanges } from '#inventory/services/stock_ledger'
import { findProductWithStock } from '#catalog/queries/products_query'
import { warehouseLocation } from '#inventory/services/stock_locations'

const REDUCTIONS: IdempotentOperation = { name: 'stock_reduction', resource: 'stock reduction' }

/**
 * The original's `reduce-stock`: removes units from the central warehouse
 * as a ledger `adjustment`. Not enough stock is a 409 INSUFFICIENT_STOCK
 * from the ledger, and nothing changes. With an Idempotency-Key a retry
 * (a lost answer, a client's automatic retry) removes nothing again: it
 * answers with the product as it is now.
 */
export async function reduceProductStock(
  productId: number,
  quantity: number,
  actor: { userId: number | null },
  idempotencyKey: IdempotencyKey | null = null
): Promise<{ product: Product; replayed: boolean }> {
  const outcome = await writeIdempotently(REDUCTIONS, idempotencyKey, { productId, quantity }, async (trx) => {
    const exists = await Product.query({ client: trx }).where('id', productId).select('id').first()
    if (!exists) throw ApiError.notFound('Product', productId)
    const warehouse = await warehouseLocation(trx)
    const [applied] = await applyStockChanges(trx, warehouse.id, [{ productId, delta: -quantity }], {
      kind: 'adjustment',
      reason: 'reduce-stock (API)',
      userId: actor.userId,
    })
    return {
      stored: { product_id: productId, balance_after: applied.balanceAfter },
      fresh: (await findProductWithStock(productId, trx))!,
    }
  })
  const { made, replayed } = await madeOrCurrent(
    outcome,
    () => findProductWithStock(productId),
    () => ApiError.notFound('Product', productId)
  )
  return { product: made, replayed }
}
