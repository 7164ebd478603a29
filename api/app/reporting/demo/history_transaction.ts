import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { businessDaySql } from '#core/business_time'
import { copyChunks } from '#reporting/demo/copy_text'
import { tenderRollupSource } from '#reporting/services/tender_rollups'
import type { FinalLevel } from '#reporting/demo/history_simulator'
import type { RegisterRollup, SalesRollup } from '#reporting/demo/rollup_accumulator'
import type { IdCounters } from '#reporting/demo/simulation_context'

/*
 * The generator's single transaction: everything it writes becomes visible
 * at COMMIT or not at all (an error, Ctrl-C or a dropped connection rolls it
 * all back).
 *
 * Locks: SHARE ROW EXCLUSIVE on the written tables lets reports keep reading
 * but makes live sales wait until we commit. That is what lets us (1) start
 * from stock levels nobody else can change before we overwrite them, and
 * (2) hand out ids ourselves from the current sequence values and move the
 * sequences past them at the end, with no concurrent insert in between.
 */
const LOCKED_TABLES = [
  'stock_levels',
  'stock_movements',
  'register_sessions',
  'sales',
  'sale_lines',
  'sale_taxes',
  'payments',
  'returns',
  'return_refunds',
  'return_lines',
  'replenishment_requests',
]

/* Tables whose ids the generator assigns, because other rows reference them. */
const ID_TABLES: Record<keyof IdCounters, string> = {
  sale: 'sales',
  saleLine: 'sale_lines',
  saleReturn: 'returns',
  session: 'register_sessions',
  replenishment: 'replenishment_requests',
}

export class HistoryTransaction {
  private idStarts: Record<keyof IdCounters, number> | null = null

  constructor(private readonly client: pg.ClientBase) {}

  async begin(): Promise<void> {
    await this.client.query('BEGIN')
    // Wait a little for sales in flight, but fail clearly rather than hang behind a stuck transaction.
    await this.client.query("SET LOCAL lock_timeout = '15s'")
    try {
      await this.client.query(`LOCK TABLE ${LOCKED_TABLES.join(', ')} IN SHARE ROW EXCLUSIVE MODE`)
    } catch (error) {
      throw new Error(`could not lock the sales and stock tables (busy database?): ${(error as Error).message}`)
    }
    await this.client.query('SET LOCAL lock_timeout = 0')
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK')
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT')
  }

  /** The history must not overlap sales already recorded (live ones or an earlier run). */
  async salesBetween(startMs: number, endMs: number): Promise<{ count: number; first: Date | null }> {
    const { rows } = await this.client.query(
      'SELECT count(*)::int AS count, min(created_at) AS first FROM sales WHERE created_at >= $1 AND created_at < $2',
      [new Date(startMs), new Date(endMs)]
    )
    return { count: Number(rows[0].count), first: rows[0].first }
  }

  /** The first id of each generator-assigned table (consumed from its sequence). */
  async reserveIdStarts(): Promise<Record<keyof IdCounters, number>> {
    const starts = {} as Record<keyof IdCounters, number>
    for (const [key, table] of Object.entries(ID_TABLES) as [keyof IdCounters, string][]) {
      const { rows } = await this.client.query(`SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id`, [table])
      starts[key] = Number(rows[0].id)
    }
    this.idStarts = starts
    return starts
  }

  /** Moves each sequence past the last id the generator handed out. */
  async advanceSequences(ids: IdCounters): Promise<void> {
    if (!this.idStarts) return
    for (const [key, table] of Object.entries(ID_TABLES) as [keyof IdCounters, string][]) {
      const last = ids[key].peek() - 1
      if (last < this.idStarts[key]) continue
      await this.client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2, true)`, [table, last])
    }
  }

  /** Adds the generated rollups to whatever already exists for the same keys. */
  async addRollups(sales: SalesRollup[], registers: RegisterRollup[]): Promise<void> {
    await this.client.query(`
      CREATE TEMP TABLE demo_sales_rollups (day date, store_id int, product_id int, quantity_sold int,
        revenue_cents bigint, sale_count int, quantity_returned int, refunded_cents bigint) ON COMMIT DROP;
      CREATE TEMP TABLE demo_register_rollups (day date, register_id int, store_id int, sales_count int,
        subtotal_cents bigint, tax_cents bigint, total_cents bigint, returns_count int,
        refunded_subtotal_cents bigint, refunded_total_cents bigint) ON COMMIT DROP`)
    await this.copy(
      'COPY demo_sales_rollups FROM STDIN',
      sales.map((r) => [r.day, r.storeId, r.productId, r.quantitySold, r.revenueCents, r.saleCount, r.quantityReturned, r.refundedCents].join('\t'))
    )
    await this.copy(
      'COPY demo_register_rollups FROM STDIN',
      registers.map((r) =>
        [r.day, r.registerId, r.storeId, r.salesCount, r.subtotalCents, r.taxCents, r.totalCents, r.returnsCount, r.refundedSubtotalCents, r.refundedTotalCents].join('\t')
      )
    )
    await this.client.query(`
      INSERT INTO daily_sales_rollups AS r (day, store_id, product_id, quantity_sold, revenue_cents, sale_count, quantity_returned, refunded_cents)
      SELECT day, store_id, product_id, quantity_sold, revenue_cents, sale_count, quantity_returned, refunded_cents FROM demo_sales_rollups
      ON CONFLICT (day, store_id, product_id) DO UPDATE SET
        quantity_sold = r.quantity_sold + EXCLUDED.quantity_sold,
        revenue_cents = r.revenue_cents + EXCLUDED.revenue_cents,
        sale_count = r.sale_count + EXCLUDED.sale_count,
        quantity_returned = r.quantity_returned + EXCLUDED.quantity_returned,
        refunded_cents = r.refunded_cents + EXCLUDED.refunded_cents`)
    await this.client.query(`
      INSERT INTO daily_register_rollups AS r (day, register_id, store_id, sales_count, subtotal_cents, tax_cents, total_cents,
        returns_count, refunded_subtotal_cents, refunded_total_cents)
      SELECT day, register_id, store_id, sales_count, subtotal_cents, tax_cents, total_cents,
        returns_count, refunded_subtotal_cents, refunded_total_cents FROM demo_register_rollups
      ON CONFLICT (day, register_id) DO UPDATE SET
        sales_count = r.sales_count + EXCLUDED.sales_count,
        subtotal_cents = r.subtotal_cents + EXCLUDED.subtotal_cents,
        tax_cents = r.tax_cents + EXCLUDED.tax_cents,
        total_cents = r.total_cents + EXCLUDED.total_cents,
        returns_count = r.returns_count + EXCLUDED.returns_count,
        refunded_subtotal_cents = r.refunded_subtotal_cents + EXCLUDED.refunded_subtotal_cents,
        refunded_total_cents = r.refunded_total_cents + EXCLUDED.refunded_total_cents`)
    // Tenders are read back from what was just written (payments, change, refund parts): the
    // generated sales are the ones from the first id reserved, and their returns are of them.
    if (this.idStarts) {
      await this.client.query(
        `INSERT INTO daily_tender_rollups AS t (day, register_id, store_id, method, taken_cents, refunded_cents)
         ${tenderRollupSource(businessDaySql, 's.id >= $1')}
         ON CONFLICT (day, register_id, method) DO UPDATE SET
           taken_cents = t.taken_cents + EXCLUDED.taken_cents,
           refunded_cents = t.refunded_cents + EXCLUDED.refunded_cents`,
        [this.idStarts.sale]
      )
    }
  }

  /** Sets each stock level to where the simulation left it; the ledger rows written add up to the change. */
  async setStockLevels(levels: FinalLevel[]): Promise<void> {
    const moved = levels.filter((level) => level.netChange !== 0)
    if (moved.length === 0) return
    await this.client.query(
      `UPDATE stock_levels AS l SET quantity = v.quantity, updated_at = now()
       FROM unnest($1::int[], $2::int[], $3::int[]) AS v(location_id, product_id, quantity)
       WHERE l.location_id = v.location_id AND l.product_id = v.product_id`,
      [moved.map((l) => l.locationId), moved.map((l) => l.productId), moved.map((l) => l.quantity)]
    )
  }

  private async copy(sql: string, rows: string[]) {
    if (rows.length === 0) return
    await pipeline(Readable.from(copyChunks(rows)), this.client.query(copyFrom(sql)))
  }
}
