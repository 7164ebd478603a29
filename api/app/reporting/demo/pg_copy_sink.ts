import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { copyNumber as n, copyText as t, copyTimestamp as ts } from '#reporting/demo/copy_text'
import { HISTORY_TABLES, type HistoryRows, type HistorySink, type HistoryTable } from '#reporting/demo/history_rows'

/*
 * Each table's COPY columns, and its rows as lines of COPY text. A chunk is
 * copied in foreign-key order (HISTORY_TABLES), so every row finds the rows
 * it references already in place (same transaction). Tables whose ids
 * nobody references here get theirs from the column default.
 */
const COPY: { [T in HistoryTable]: { columns: string; line: (r: HistoryRows[T]) => string } } = {
  register_sessions: {
    columns: 'id, register_id, opened_by, opened_at, opening_float_cents, closed_by, closed_at, counted_cash_cents, expected_cash_cents, note',
    line: (r) => `${r.id}\t${r.registerId}\t${r.openedBy}\t${ts(r.openedAtMs)}\t${r.openingFloatCents}\t${r.closedBy}\t${ts(r.closedAtMs)}\t${r.countedCashCents}\t${r.expectedCashCents}\t${t(r.note)}`,
  },
  sales: {
    columns: 'id, receipt_number, store_id, register_id, register_session_id, clerk_id, status, subtotal_cents, tax_cents, total_cents, paid_cents, change_cents, refunded_cents, created_at',
    line: (r) => `${r.id}\t${t(r.receiptNumber)}\t${r.storeId}\t${r.registerId}\t${r.registerSessionId}\t${r.clerkId}\t${r.status}\t${r.subtotalCents}\t${r.taxCents}\t${r.totalCents}\t${r.paidCents}\t${r.changeCents}\t${r.refundedCents}\t${ts(r.createdAtMs)}`,
  },
  sale_lines: {
    columns: 'id, sale_id, line_number, product_id, quantity, unit_price_cents, line_total_cents, returned_quantity',
    line: (r) => `${r.id}\t${r.saleId}\t${r.lineNumber}\t${r.productId}\t${r.quantity}\t${r.unitPriceCents}\t${r.lineTotalCents}\t${r.returnedQuantity}`,
  },
  sale_taxes: {
    columns: 'sale_id, code, label, rate_ppm, registration_number, base_cents, amount_cents',
    line: (r) => `${r.saleId}\t${t(r.code)}\t${t(r.label)}\t${r.ratePpm}\t${t(r.registrationNumber)}\t${r.baseCents}\t${r.amountCents}`,
  },
  payments: {
    columns: 'sale_id, method, amount_cents, reference',
    line: (r) => `${r.saleId}\t${r.method}\t${r.amountCents}\t${t(r.reference)}`,
  },
  returns: {
    columns: 'id, sale_id, user_id, register_id, register_session_id, reason, refund_method, subtotal_cents, tax_cents, total_cents, cash_rounding_cents, created_at',
    line: (r) => `${r.id}\t${r.saleId}\t${r.userId}\t${r.registerId}\t${r.registerSessionId}\t${t(r.reason)}\t${r.refundMethod}\t${r.subtotalCents}\t${r.taxCents}\t${r.totalCents}\t${r.cashRoundingCents}\t${ts(r.createdAtMs)}`,
  },
  return_refunds: {
    columns: 'return_id, method, amount_cents',
    line: (r) => `${r.returnId}\t${r.method}\t${r.amountCents}`,
  },
  return_lines: {
    columns: 'return_id, sale_line_id, quantity, subtotal_cents',
    line: (r) => `${r.returnId}\t${r.saleLineId}\t${r.quantity}\t${r.subtotalCents}`,
  },
  replenishment_requests: {
    columns: 'id, store_id, product_id, quantity, status, requested_by, requested_at, approved_by, approved_at, shipped_by, shipped_at, received_by, received_at, updated_at',
    line: (r) => `${r.id}\t${r.storeId}\t${r.productId}\t${r.quantity}\treceived\t${r.requestedBy}\t${ts(r.requestedAtMs)}\t${r.approvedBy}\t${ts(r.approvedAtMs)}\t${r.shippedBy}\t${ts(r.shippedAtMs)}\t${r.receivedBy}\t${ts(r.receivedAtMs)}\t${ts(r.receivedAtMs)}`,
  },
  stock_movements: {
    columns: 'location_id, product_id, quantity_delta, balance_after, kind, reference_type, reference_id, reason, user_id, created_at',
    line: (r) => `${r.locationId}\t${r.productId}\t${r.quantityDelta}\t${r.balanceAfter}\t${r.kind}\t${t(r.referenceType)}\t${n(r.referenceId)}\t${t(r.reason)}\t${r.userId}\t${ts(r.createdAtMs)}`,
  },
}

/* Rows joined into one flat string at a time: a row built by concatenation is a tree of small
   strings in V8 (hundreds of bytes per row); joining early keeps memory close to the COPY text size. */
const ROWS_PER_BLOCK = 2000

/** The COPY text of one table, accumulated as flat blocks of rows. */
class TableBuffer {
  rows: string[] = []
  blocks: string[] = []
  count = 0

  push(row: string) {
    this.rows.push(row)
    this.count++
    if (this.rows.length >= ROWS_PER_BLOCK) this.seal()
  }

  seal() {
    if (this.rows.length === 0) return
    this.blocks.push(this.rows.join('\n') + '\n')
    this.rows = []
  }

  take(): string[] {
    this.seal()
    const blocks = this.blocks
    this.blocks = []
    this.count = 0
    return blocks
  }
}

/** Encodes rows as COPY text as they are produced and writes them to PostgreSQL a chunk at a time. */
export class PgCopySink implements HistorySink {
  private readonly buffers = new Map<HistoryTable, TableBuffer>(HISTORY_TABLES.map((table) => [table, new TableBuffer()]))
  readonly written = new Map<HistoryTable, number>(HISTORY_TABLES.map((table) => [table, 0]))
  /** Sale lines buffered since the last flush: the chunk size the caller watches. */
  bufferedSaleLines = 0

  constructor(private readonly client: pg.ClientBase) {}

  write<T extends HistoryTable>(table: T, row: HistoryRows[T]) {
    this.buffers.get(table)!.push(COPY[table].line(row))
    if (table === 'sale_lines') this.bufferedSaleLines++
  }

  /** Copies everything buffered, table by table, and empties the buffers. */
  async flush(): Promise<void> {
    for (const table of HISTORY_TABLES) {
      const buffer = this.buffers.get(table)!
      const rowCount = buffer.count
      if (rowCount === 0) continue
      const copy = this.client.query(copyFrom(`COPY ${table} (${COPY[table].columns}) FROM STDIN`))
      await pipeline(Readable.from(buffer.take()), copy)
      this.written.set(table, this.written.get(table)! + rowCount)
    }
    this.bufferedSaleLines = 0
  }
}
