import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * What each tender took and gave back, per business day and register
 * (GET /reports/payments-by-tender, ADR 0017). Read from the sales it was a
 * month of payments, change and refund parts per report — about 130,000
 * sales, 0.45 s — recomputed after every sale (a sale drops the cached
 * reports). Written like daily_register_rollups, in the sale's and the
 * return's own transaction, per register: a register rings its sales one at
 * a time, so no two sales wait on one row. taken_cents is cash net of the
 * change handed back; refunded_cents what the returns of that day gave back
 * to the tender, against the register of the sale they take back.
 *
 * Filled from the history here; record_sale() (migration 0019's, scoped
 * idempotency keys) adds the sale's tenders, create_return and demo:generate
 * the rest, and stock:verify checks the table against the sales. The SQL
 * here is a frozen copy, as migrations are: the app's own reading of "cash
 * net of change" is #reporting/services/tender_rollups.
 */
const TENDER_ROLLUP = `
      INSERT INTO daily_tender_rollups AS t (day, register_id, store_id, method, taken_cents)
      SELECT v_day, v_register, v_store, x.method,
             sum(x.amount_cents) - CASE WHEN x.method = 'cash' THEN (p_sale->>'change_cents')::bigint ELSE 0 END
        FROM jsonb_to_recordset(p_sale->'payments') AS x(method text, amount_cents integer)
       GROUP BY x.method
       ORDER BY x.method
      ON CONFLICT (day, register_id, method) DO UPDATE SET taken_cents = t.taken_cents + EXCLUDED.taken_cents;
`

/** record_sale() as migration 0019 left it, with or without the tender rollup. */
function recordSale({ tenders }: { tenders: boolean }): string {
  return `
    CREATE OR REPLACE FUNCTION record_sale(p_sale jsonb) RETURNS jsonb
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_register integer := (p_sale->>'register_id')::integer;
      v_store integer := (p_sale->>'store_id')::integer;
      v_location integer := (p_sale->>'location_id')::integer;
      v_clerk integer := (p_sale->>'clerk_id')::integer;
      v_products integer[] := ARRAY(SELECT (e->>'product_id')::integer FROM jsonb_array_elements(p_sale->'stock') e);
      v_deltas integer[] := ARRAY(SELECT (e->>'delta')::integer FROM jsonb_array_elements(p_sale->'stock') e);
      v_session integer;
      v_short jsonb;
      v_id bigint;
      v_created_at timestamptz;
      v_receipt text;
      v_day date;
      v_line_ids jsonb;
      v_stock jsonb;
    BEGIN
      -- FOR SHARE keeps the session open until this sale commits.
      SELECT id INTO v_session FROM register_sessions
       WHERE register_id = v_register AND closed_at IS NULL FOR SHARE;
      IF NOT FOUND THEN
        RETURN jsonb_build_object('refused', 'register_closed');
      END IF;

      -- Locks the levels before anything is written, so a refusal writes nothing.
      v_short := stock_shortfalls(v_location, v_products, v_deltas);
      IF v_short IS NOT NULL THEN
        RETURN jsonb_build_object('refused', 'insufficient_stock', 'items', v_short);
      END IF;

      v_id := nextval(pg_get_serial_sequence('sales', 'id'));
      INSERT INTO sales (id, receipt_number, store_id, register_id, register_session_id, clerk_id, status,
                         subtotal_cents, tax_cents, total_cents, paid_cents, change_cents,
                         idempotency_key, request_fingerprint, idempotency_scope)
      VALUES (v_id, 'S' || v_store || '-R' || (p_sale->>'register_number') || '-' || lpad(v_id::text, 8, '0'),
              v_store, v_register, v_session, v_clerk, 'completed',
              (p_sale->>'subtotal_cents')::integer, (p_sale->>'tax_cents')::integer, (p_sale->>'total_cents')::integer,
              (p_sale->>'paid_cents')::integer, (p_sale->>'change_cents')::integer,
              p_sale->>'idempotency_key', p_sale->>'fingerprint', p_sale->>'idempotency_scope')
      ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING
      RETURNING created_at, receipt_number INTO v_created_at, v_receipt;
      IF NOT FOUND THEN
        RETURN NULL;
      END IF;

      WITH inserted AS (
        INSERT INTO sale_lines (sale_id, line_number, product_id, quantity, unit_price_cents, line_total_cents)
        SELECT v_id, e.n, (e.line->>'product_id')::integer, (e.line->>'quantity')::integer,
               (e.line->>'unit_price_cents')::integer, (e.line->>'line_total_cents')::integer
          FROM jsonb_array_elements(p_sale->'lines') WITH ORDINALITY AS e(line, n)
        RETURNING id, line_number
      )
      SELECT jsonb_agg(id ORDER BY line_number) INTO v_line_ids FROM inserted;

      INSERT INTO sale_taxes (sale_id, code, label, rate_ppm, registration_number, base_cents, amount_cents)
      SELECT v_id, x.code, x.label, x.rate_ppm, x.registration_number, x.base_cents, x.amount_cents
        FROM jsonb_to_recordset(p_sale->'taxes')
             AS x(code text, label text, rate_ppm integer, registration_number text, base_cents integer, amount_cents integer);

      INSERT INTO payments (sale_id, method, amount_cents, reference)
      SELECT v_id, x.method, x.amount_cents, x.reference
        FROM jsonb_to_recordset(p_sale->'payments') AS x(method text, amount_cents integer, reference text);

      -- The levels are locked and checked above: this cannot fall short.
      v_stock := apply_stock_changes(v_location, v_products, v_deltas, 'sale', 'sale', v_id, NULL, v_clerk);

      -- Daily rollups, dated by the business day of the sale (reports read these).
      v_day := (v_created_at AT TIME ZONE (p_sale->>'business_timezone'))::date;
      INSERT INTO daily_sales_rollups AS d (day, store_id, product_id, quantity_sold, revenue_cents, sale_count)
      SELECT v_day, v_store, x.product_id, x.quantity, x.revenue_cents, 1
        FROM jsonb_to_recordset(p_sale->'by_product') AS x(product_id integer, quantity integer, revenue_cents bigint)
       ORDER BY x.product_id
      ON CONFLICT (day, store_id, product_id) DO UPDATE SET
        quantity_sold = d.quantity_sold + EXCLUDED.quantity_sold,
        revenue_cents = d.revenue_cents + EXCLUDED.revenue_cents,
        sale_count = d.sale_count + 1;
      INSERT INTO daily_register_rollups AS d (day, register_id, store_id, sales_count, subtotal_cents, tax_cents, total_cents)
      VALUES (v_day, v_register, v_store, 1, (p_sale->>'subtotal_cents')::bigint, (p_sale->>'tax_cents')::bigint,
              (p_sale->>'total_cents')::bigint)
      ON CONFLICT (day, register_id) DO UPDATE SET
        sales_count = d.sales_count + 1,
        subtotal_cents = d.subtotal_cents + EXCLUDED.subtotal_cents,
        tax_cents = d.tax_cents + EXCLUDED.tax_cents,
        total_cents = d.total_cents + EXCLUDED.total_cents;
${tenders ? TENDER_ROLLUP : ''}
      RETURN jsonb_build_object('id', v_id, 'session_id', v_session, 'created_at', v_created_at,
                                'receipt_number', v_receipt, 'line_ids', v_line_ids, 'applied', v_stock->'applied');
    END
    $fn$
  `
}

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('daily_tender_rollups', (table) => {
      table.bigIncrements('id')
      table.date('day').notNullable()
      table.integer('register_id').notNullable().references('id').inTable('registers').onDelete('RESTRICT')
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.string('method', 16).notNullable()
      table.bigInteger('taken_cents').notNullable().defaultTo(0)
      table.bigInteger('refunded_cents').notNullable().defaultTo(0)
      table.unique(['day', 'register_id', 'method'])
      table.index(['store_id', 'day'])
      table.check("method IN ('cash', 'card', 'other')", [], 'daily_tender_rollups_method_known')
      table.check('refunded_cents >= 0', [], 'daily_tender_rollups_refunds_non_negative')
    })
    // The sale's day and the return's day in the business time zone, as the other rollups.
    const day = (column: string) => `(${column} AT TIME ZONE '${businessTimeZone()}')::date`
    this.schema.raw(`
      INSERT INTO daily_tender_rollups (day, register_id, store_id, method, taken_cents, refunded_cents)
      SELECT day, register_id, store_id, method, sum(taken), sum(refunded)
        FROM (
          SELECT ${day('s.created_at')} AS day, s.register_id, s.store_id, p.method,
                 p.amount_cents::bigint AS taken, 0::bigint AS refunded
            FROM payments p JOIN sales s ON s.id = p.sale_id
          UNION ALL
          SELECT ${day('s.created_at')}, s.register_id, s.store_id, 'cash', -s.change_cents, 0
            FROM sales s WHERE s.change_cents > 0
          UNION ALL
          SELECT ${day('r.created_at')}, s.register_id, s.store_id, rr.method, 0, rr.amount_cents
            FROM return_refunds rr JOIN returns r ON r.id = rr.return_id JOIN sales s ON s.id = r.sale_id
        ) moves
       GROUP BY day, register_id, store_id, method
    `)
    this.schema.raw(recordSale({ tenders: true }))
  }

  async down() {
    this.schema.raw(recordSale({ tenders: false }))
    this.schema.dropTable('daily_tender_rollups')
  }
}

/** APP_TIMEZONE as the app reads it (#core/business_time), checked before it goes into SQL. */
function businessTimeZone(): string {
  const zone = process.env.APP_TIMEZONE || 'America/Toronto'
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone)) throw new Error(`Invalid APP_TIMEZONE "${zone}"`)
  return zone
}
