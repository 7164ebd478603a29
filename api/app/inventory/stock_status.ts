/**
 * The one definition of a stock level's status, used by every screen and
 * endpoint that shows store or warehouse stock (and by SQL filters/sorts,
 * so a filtered list and its rows can never disagree).
 *
 * The values are the French labels the API sends (`statut`); they are the
 * same words the original's stock pages showed, so no mapping is needed.
 *
 *   rupture  quantity is 0
 *   critique quantity ≤ half the reorder point
 *   faible   quantity ≤ the reorder point
 *   normal   above the reorder point
 *
 * "Half" is compared as `2 × quantity ≤ reorder point`, so an odd reorder
 * point needs no rounding rule (15 → critique up to 7 units).
 */
export const STOCK_STATUSES = ['rupture', 'critique', 'faible', 'normal'] as const
export type StockStatus = (typeof STOCK_STATUSES)[number]

/** Statuses that are alerts (at or below the reorder point). */
export const ALERT_STATUSES = ['rupture', 'critique', 'faible'] as const satisfies readonly StockStatus[]

export function stockStatus(quantity: number, reorderPoint: number): StockStatus {
  if (quantity <= 0) return 'rupture'
  if (2 * quantity <= reorderPoint) return 'critique'
  if (quantity <= reorderPoint) return 'faible'
  return 'normal'
}

/**
 * The same rule as a SQL CASE expression. The arguments are trusted column
 * expressions written in code (e.g. `stock_levels.quantity` or
 * `COALESCE(stock_levels.quantity, 0)`), never user input.
 */
export function stockStatusSql(quantityColumn: string, reorderColumn: string): string {
  return `(CASE WHEN ${quantityColumn} <= 0 THEN 'rupture'
     WHEN 2 * ${quantityColumn} <= ${reorderColumn} THEN 'critique'
     WHEN ${quantityColumn} <= ${reorderColumn} THEN 'faible'
     ELSE 'normal' END)`
}

/**
 * Severity rank for sorting (0 = rupture … 3 = normal): sorting the labels
 * alphabetically would put "critique" before "rupture".
 */
export function stockStatusRankSql(quantityColumn: string, reorderColumn: string): string {
  return `(CASE WHEN ${quantityColumn} <= 0 THEN 0
     WHEN 2 * ${quantityColumn} <= ${reorderColumn} THEN 1
     WHEN ${quantityColumn} <= ${reorderColumn} THEN 2
     ELSE 3 END)`
}
