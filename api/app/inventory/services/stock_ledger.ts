import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import type { MovementKind } from '#inventory/models/stock_movement'
import { invalidateAfterCommit, Tags } from '#core/cache'
import { locationToWire } from '#inventory/transformers/stock_transformers'

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
 * The only way stock changes: the database function apply_stock_changes()
 * (migration 0010, ADR 0011) locks the affected levels in product order (so
 * concurrent multi-line writes cannot deadlock), checks that every level
 * stays >= 0, then applies every delta and writes one ledger row per change.
 * Either every change applies or INSUFFICIENT_STOCK is thrown, nothing
 * written, and the caller's transaction rolls back. Missing levels are
 * created for positive deltas (goods arriving for a product never stocked
 * there).
 */
export async function applyStockChanges(
  trx: TransactionClientContract,
  locationId: number,
  changes: StockChange[],
  context: MovementContext
): Promise<AppliedChange[]> {
  const merged = mergeByProduct(changes)
  if (merged.length === 0) return []
  invalidateAfterCommit(trx, [Tags.stockOf(locationId)])
  const result = await trx.rawQuery<{
    rows: { outcome: { applied?: AppliedRow[]; short?: ShortItem[] } }[]
  }>('SELECT apply_stock_changes(?, ?::int[], ?::int[], ?, ?, ?, ?, ?) AS outcome', [
    locationId,
    merged.map((c) => c.productId),
    merged.map((c) => c.delta),
    context.kind,
    context.referenceType ?? null,
    context.referenceId ?? null,
    context.reason ?? null,
    context.userId ?? null,
  ] as never)
  const { applied, short } = result.rows[0].outcome
  if (short) throw await insufficientStock(trx, locationId, short)
  return toAppliedChanges(locationId, applied ?? [])
}

/** A row of apply_stock_changes()'s result. */
export interface AppliedRow {
  product_id: number
  delta: number
  balance_after: number
  reorder_point: number
}

/** A change the stock could not cover (stock_shortfalls()). */
export interface ShortItem {
  product_id: number
  product: string | null
  requested: number
  available: number
}

export function toAppliedChanges(locationId: number, rows: AppliedRow[]): AppliedChange[] {
  return rows.map((r) => ({
    locationId,
    productId: r.product_id,
    delta: r.delta,
    balanceAfter: r.balance_after,
    reorderPoint: r.reorder_point,
  }))
}

/**
 * The 409 for changes the stock cannot cover, naming each product, and the location the way
 * the stock routes do (`emplacement`): its internal id is no route's parameter.
 */
export async function insufficientStock(client: QueryClientContract, locationId: number, items: ShortItem[]) {
  const names = items.map((i) => i.product ?? `#${i.product_id}`).join(', ')
  const location = await client.from('stock_locations').where('id', locationId).select('kind', 'store_id', 'name').firstOrFail()
  return ApiError.conflict('INSUFFICIENT_STOCK', `Not enough stock for ${names}`, {
    emplacement: locationToWire({ kind: location.kind, storeId: location.store_id, name: location.name }),
    items,
  })
}

/** Sums deltas per product, drops zero sums, in product order (the lock order). */
export function mergeByProduct(changes: StockChange[]): StockChange[] {
  const byProduct = new Map<number, number>()
  for (const change of changes) byProduct.set(change.productId, (byProduct.get(change.productId) ?? 0) + change.delta)
  return [...byProduct.entries()]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => a - b)
    .map(([productId, delta]) => ({ productId, delta }))
}
