import db from '@adonisjs/lucid/services/db'
import { stockStatusSql, type StockStatus } from '#inventory/stock_status'
import { toInt } from '#reporting/services/figures'

/*
 * Stock snapshots for the inventory reports, straight from stock_levels
 * (one row per location and product, kept current by the ledger). Status
 * words and the alert rule (at or below the reorder point) are the
 * inventory module's, so a report and the stock screens never disagree.
 * Discontinued products still count in the stock value but raise no alert.
 */

const STATUS = stockStatusSql('l.quantity', 'l.reorder_point')

const SCOPE = `
  FROM stock_levels l
  JOIN stock_locations loc ON loc.id = l.location_id
  JOIN products p ON p.id = l.product_id
 WHERE (?::int IS NULL OR loc.store_id = ?::int)`

export interface LevelRow {
  productId: number
  code: string
  name: string
  storeId: number | null
  locationName: string
  quantity: number
  reorderPoint: number
  priceCents: number
  status: StockStatus
}

/**
 * inventory-status: out-of-stock levels, and low ones — at or below the
 * level's reorder point, or at or below `threshold` when the client gives
 * one (the original's single threshold). Fewest units first.
 */
export async function inventoryStatus(storeId: number | null, threshold: number | null) {
  const levels = await db.rawQuery(
    `SELECT p.id, p.code, p.name, p.price_cents, loc.store_id, loc.name AS location_name,
            l.quantity, l.reorder_point, ${STATUS} AS status
       ${SCOPE}
        AND p.is_active
        AND l.quantity <= ${threshold === null ? 'l.reorder_point' : '?::int'}
      ORDER BY l.quantity ASC, loc.store_id ASC NULLS LAST, p.id ASC`,
    threshold === null ? [storeId, storeId] : [storeId, storeId, threshold]
  )
  const totals = await db.rawQuery(
    `SELECT count(DISTINCT l.product_id) FILTER (WHERE p.is_active) AS products,
            COALESCE(SUM(l.quantity::bigint * p.price_cents), 0) AS value
       ${SCOPE}`,
    [storeId, storeId]
  )
  const rows: LevelRow[] = levels.rows.map((row: Record<string, unknown>) => ({
    productId: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    storeId: row.store_id === null ? null : Number(row.store_id),
    locationName: String(row.location_name),
    quantity: Number(row.quantity),
    reorderPoint: Number(row.reorder_point),
    priceCents: Number(row.price_cents),
    status: row.status as StockStatus,
  }))
  return {
    outOfStock: rows.filter((r) => r.quantity === 0),
    lowStock: rows.filter((r) => r.quantity > 0),
    totalProducts: toInt(totals.rows[0].products),
    valueCents: toInt(totals.rows[0].value),
  }
}

export interface StatusCounts {
  rupture: number
  critique: number
  faible: number
  normal: number
}

export interface LocationStock {
  kind: 'store' | 'warehouse'
  storeId: number | null
  name: string
  products: number
  quantity: number
  valueCents: number
  statuses: StatusCounts
}

/** /reports/inventory: one line per location (stores by id, then the warehouse). */
export async function stockByLocation(storeId: number | null): Promise<LocationStock[]> {
  const result = await db.rawQuery(
    `SELECT loc.kind, loc.store_id, loc.name,
            count(*) FILTER (WHERE p.is_active) AS products,
            COALESCE(SUM(l.quantity), 0) AS quantity,
            COALESCE(SUM(l.quantity::bigint * p.price_cents), 0) AS value,
            count(*) FILTER (WHERE p.is_active AND ${STATUS} = 'rupture') AS rupture,
            count(*) FILTER (WHERE p.is_active AND ${STATUS} = 'critique') AS critique,
            count(*) FILTER (WHERE p.is_active AND ${STATUS} = 'faible') AS faible,
            count(*) FILTER (WHERE p.is_active AND ${STATUS} = 'normal') AS normal
       ${SCOPE}
      GROUP BY loc.id, loc.kind, loc.store_id, loc.name
      ORDER BY loc.store_id ASC NULLS LAST, loc.id ASC`,
    [storeId, storeId]
  )
  return result.rows.map((row: Record<string, unknown>) => ({
    kind: row.kind as 'store' | 'warehouse',
    storeId: row.store_id === null ? null : Number(row.store_id),
    name: String(row.name),
    products: toInt(row.products),
    quantity: toInt(row.quantity),
    valueCents: toInt(row.value),
    statuses: {
      rupture: toInt(row.rupture),
      critique: toInt(row.critique),
      faible: toInt(row.faible),
      normal: toInt(row.normal),
    },
  }))
}
