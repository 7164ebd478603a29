import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import type { MovementKind } from '#inventory/models/stock_movement'
import { invalidateAfterCommit, Tags } from '#core/cache'

export interface StockChange {
  productId: number
  /** Positive adds stock, negative removes it; never zero. */
  delta: number
}

export interface MovementContext {
  kind: MovementKind
  referenceType?: string | null
  referenceId?: number | null
  reason?: string | null
  userId?: number | null
}

export interface AppliedChange {
  locationId: number
  productId: number
  delta: number
  balanceAfter: number
  reorderPoint: number
}

/**
 * The only way stock changes. For one location, it locks the affected
 * levels in product order (so concurrent multi-line sales cannot deadlock),
 * applies every delta with `quantity + delta >= 0` enforced in the UPDATE
 * itself, and writes one ledger row per change in the same statement.
 * Either every change applies or an INSUFFICIENT_STOCK error is thrown and
 * the caller's transaction rolls back. Missing levels are created for
 * positive deltas (goods arriving for a product never stocked there).
 */
export async function applyStockChanges(
  trx: TransactionClientContract,
  locationId: number,
  changes: StockChange[],
  context: MovementContext
): Promise<AppliedChange[]> {
  const merged = mergeByProduct(changes)
  if (merged.length === 0) return []
  const productIds = merged.map((c) => c.productId)
  const deltas = merged.map((c) => c.delta)
  invalidateAfterCommit(trx, [Tags.stockOf(locationId)])

  const additions = merged.filter((c) => c.delta > 0).map((c) => c.productId)
  if (additions.length > 0) {
    await trx.rawQuery(
      `INSERT INTO stock_levels (location_id, product_id, quantity)
       SELECT ?, product_id, 0 FROM unnest(?::int[]) AS p(product_id)
       ON CONFLICT (location_id, product_id) DO NOTHING`,
      [locationId, additions]
    )
  }

  const locked = await trx.rawQuery<{ rows: { product_id: number }[] }>(
    `SELECT product_id FROM stock_levels
      WHERE location_id = ? AND product_id = ANY(?::int[])
      ORDER BY product_id FOR UPDATE`,
    [locationId, productIds]
  )

  const applied = await trx.rawQuery<{ rows: { product_id: number; delta: number; balance_after: number; reorder_point: number }[] }>(
    `WITH requested AS (
       SELECT * FROM unnest(?::int[], ?::int[]) AS r(product_id, delta)
     ), updated AS (
       UPDATE stock_levels s
          SET quantity = s.quantity + r.delta, updated_at = now()
         FROM requested r
        WHERE s.location_id = ? AND s.product_id = r.product_id AND s.quantity + r.delta >= 0
       RETURNING s.product_id, r.delta, s.quantity, s.reorder_point
     ), ledger AS (
       INSERT INTO stock_movements
         (location_id, product_id, quantity_delta, balance_after, kind, reference_type, reference_id, reason, user_id)
       SELECT ?, product_id, delta, quantity, ?, ?, ?, ?, ? FROM updated
       RETURNING product_id
     )
     SELECT u.product_id, u.delta, u.quantity AS balance_after, u.reorder_point
       FROM updated u JOIN ledger l USING (product_id)`,
    [
      productIds,
      deltas,
      locationId,
      locationId,
      context.kind,
      context.referenceType ?? null,
      context.referenceId ?? null,
      context.reason ?? null,
      context.userId ?? null,
    ] as never
  )

  if (applied.rows.length !== merged.length) {
    const done = new Set(applied.rows.map((r) => r.product_id))
    const stocked = new Set(locked.rows.map((r) => r.product_id))
    const short = merged.filter((c) => !done.has(c.productId))
    throw await insufficientStock(trx, locationId, short, stocked)
  }

  return applied.rows.map((r) => ({
    locationId,
    productId: r.product_id,
    delta: r.delta,
    balanceAfter: r.balance_after,
    reorderPoint: r.reorder_point,
  }))
}

function mergeByProduct(changes: StockChange[]): StockChange[] {
  const byProduct = new Map<number, number>()
  for (const change of changes) byProduct.set(change.productId, (byProduct.get(change.productId) ?? 0) + change.delta)
  return [...byProduct.entries()]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => a - b)
    .map(([productId, delta]) => ({ productId, delta }))
}

async function insufficientStock(
  trx: TransactionClientContract,
  locationId: number,
  short: StockChange[],
  stocked: Set<number>
) {
  const rows = await trx
    .from('products')
    .leftJoin('stock_levels', (join) =>
      join.on('stock_levels.product_id', 'products.id').andOnVal('stock_levels.location_id', locationId)
    )
    .whereIn('products.id', short.map((c) => c.productId))
    .select('products.id', 'products.name', 'stock_levels.quantity')
  const items = short.map((change) => {
    const row = rows.find((r) => r.id === change.productId)
    return {
      product_id: change.productId,
      product: row?.name ?? null,
      requested: -change.delta,
      available: stocked.has(change.productId) ? Number(row?.quantity ?? 0) : 0,
    }
  })
  const names = items.map((i) => i.product ?? `#${i.product_id}`).join(', ')
  return ApiError.conflict('INSUFFICIENT_STOCK', `Stock insuffisant pour ${names}`, {
    location_id: locationId,
    items,
  })
}
