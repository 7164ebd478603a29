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
  /** The drawer the refund was paid from: the sale's register, on the day of the return. */
  registerSessionId: number
  reason: string
  refundMethod: 'cash' | 'original'
  subtotalCents: number
  taxCents: number
  totalCents: number
  createdAtMs: number
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

export interface HistorySink {
  session(row: SessionRow): void
  sale(row: SaleRow): void
  saleLine(row: SaleLineRow): void
  saleTax(row: SaleTaxRow): void
  payment(row: PaymentRow): void
  saleReturn(row: ReturnRow): void
  returnLine(row: ReturnLineRow): void
  replenishment(row: ReplenishmentRow): void
  movement(row: MovementRow): void
}

/** Row counts per table: what a dry run reports and what the summary prints. */
export class CountingSink implements HistorySink {
  readonly counts = {
    register_sessions: 0,
    sales: 0,
    sale_lines: 0,
    sale_taxes: 0,
    payments: 0,
    returns: 0,
    return_lines: 0,
    replenishment_requests: 0,
    stock_movements: 0,
  }
  session() {
    this.counts.register_sessions++
  }
  sale() {
    this.counts.sales++
  }
  saleLine() {
    this.counts.sale_lines++
  }
  saleTax() {
    this.counts.sale_taxes++
  }
  payment() {
    this.counts.payments++
  }
  saleReturn() {
    this.counts.returns++
  }
  returnLine() {
    this.counts.return_lines++
  }
  replenishment() {
    this.counts.replenishment_requests++
  }
  movement() {
    this.counts.stock_movements++
  }
}
