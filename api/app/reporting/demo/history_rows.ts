/*
 * The rows the simulator produces, one interface per table, in database
 * column terms (ids, integer cents, UTC milliseconds). A sink decides what
 * to do with them: COPY them into PostgreSQL, count them, or keep them for a
 * test to inspect.
 */

export interface SessionRow {
  id: number
  registerId: number
  openedBy: number
  openedAtMs: number
  openingFloatCents: number
  closedBy: number
  closedAtMs: number
  countedCashCents: number
  expectedCashCents: number
  note: string | null
}

export interface SaleRow {
  id: number
  receiptNumber: string
  storeId: number
  registerId: number
  registerSessionId: number
  clerkId: number
  status: 'completed' | 'partially_returned' | 'returned'
  subtotalCents: number
  taxCents: number
  totalCents: number
  paidCents: number
  changeCents: number
  refundedCents: number
  createdAtMs: number
}

export interface SaleLineRow {
  id: number
  saleId: number
  lineNumber: number
  productId: number
  quantity: number
  unitPriceCents: number
  lineTotalCents: number
  returnedQuantity: number
}

export interface SaleTaxRow {
  saleId: number
  code: string
  label: string
  ratePpm: number
  registrationNumber: string | null
  baseCents: number
  amountCents: number
}

export interface PaymentRow {
  saleId: number
  method: 'cash' | 'card'
  amountCents: number
  reference: string | null
}

export interface ReturnRow {
  id: number
  saleId: number
  userId: number
  /** The register the return was made at: the sale's, as a customer mostly comes back there. */
  registerId: number
  /** The drawer the refund was paid from: that register's, on the day of the return. */
  registerSessionId: number
  reason: string
  /** One tender, or 'mixed' when the refund is split (its parts are return_refunds rows). */
  refundMethod: 'cash' | 'card' | 'mixed'
  subtotalCents: number
  taxCents: number
  totalCents: number
  /** Σ its refund parts − totalCents: the cash part rounded to the nickel. */
  cashRoundingCents: number
  createdAtMs: number
}

/** What one tender gets back of a return (ADR 0017). */
export interface ReturnRefundRow {
  returnId: number
  method: 'cash' | 'card'
  amountCents: number
}

export interface ReturnLineRow {
  returnId: number
  saleLineId: number
  quantity: number
  subtotalCents: number
}

export interface ReplenishmentRow {
  id: number
  storeId: number
  productId: number
  quantity: number
  requestedBy: number
  requestedAtMs: number
  approvedBy: number
  approvedAtMs: number
  shippedBy: number
  shippedAtMs: number
  receivedBy: number
  receivedAtMs: number
}

export type MovementKind = 'sale' | 'return' | 'replenishment_out' | 'replenishment_in' | 'receipt'

export interface MovementRow {
  locationId: number
  productId: number
  quantityDelta: number
  balanceAfter: number
  kind: MovementKind
  referenceType: 'sale' | 'return' | 'replenishment_request' | null
  referenceId: number | null
  reason: string | null
  userId: number
  createdAtMs: number
}

/** Every row the simulator produces, by the table it belongs to. */
export interface HistoryRows {
  register_sessions: SessionRow
  sales: SaleRow
  sale_lines: SaleLineRow
  sale_taxes: SaleTaxRow
  payments: PaymentRow
  returns: ReturnRow
  return_refunds: ReturnRefundRow
  return_lines: ReturnLineRow
  replenishment_requests: ReplenishmentRow
  stock_movements: MovementRow
}

export type HistoryTable = keyof HistoryRows

/** The tables in foreign-key order: each comes after the tables its rows reference. */
export const HISTORY_TABLES: readonly HistoryTable[] = [
  'register_sessions',
  'sales',
  'sale_lines',
  'sale_taxes',
  'payments',
  'returns',
  'return_refunds',
  'return_lines',
  'replenishment_requests',
  'stock_movements',
]

export interface HistorySink {
  /** Takes one row of a table; rows come in the order the simulator makes them. */
  write<T extends HistoryTable>(table: T, row: HistoryRows[T]): void
}

/** Row counts per table: what a dry run reports and what the summary prints. */
export class CountingSink implements HistorySink {
  readonly counts = Object.fromEntries(HISTORY_TABLES.map((table) => [table, 0])) as Record<HistoryTable, number>

  write(table: HistoryTable) {
    this.counts[table]++
  }
}
