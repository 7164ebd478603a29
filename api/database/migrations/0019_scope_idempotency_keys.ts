import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * An Idempotency-Key belongs to whoever sent it. Keys were unique across
 * every caller, so two integrations whose keys happened to coincide got a
 * 409 on different bodies, or, on identical bodies, the other caller's sale
 * replayed to them. Every table that keeps keys now keeps, next to the key,
 * the caller it belongs to (`idempotency_scope`: `user:<id>` for a person —
 * any of their sessions —, `token:<id>` for an integration token, which has
 * no user), and the key is unique per (scope, key).
 *
 * Rows written before take the scope of their creator column where the
 * table has one (the sale's clerk, the return's user, the requester);
 * the others (integration tokens' rows, idempotent_writes, which never kept
 * who wrote) get `legacy`, which no caller presents: a retry across this
 * migration of such a request writes afresh instead of risking a replay to
 * the wrong caller. Keys are retried within minutes; that window is narrow.
 *
 * record_sale() (migration 0010) writes the scope and conflicts on the pair.
 */

/** Tables whose rows carry their own key: the key's old unique constraint and the creator column. */
const KEYED_ROWS = [
  { table: 'sales', creator: 'clerk_id' },
  { table: 'returns', creator: 'user_id' },
  { table: 'replenishment_requests', creator: 'requested_by' },
] as const

export default class extends BaseSchema {
  async up() {
    for (const { table, creator } of KEYED_ROWS) {
      this.schema.raw(`
        ALTER TABLE ${table} ADD COLUMN idempotency_scope varchar(40);
        UPDATE ${table}
           SET idempotency_scope = CASE WHEN ${creator} IS NULL THEN 'legacy' ELSE 'user:' || ${creator} END
         WHERE idempotency_key IS NOT NULL;
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_idempotency_key_unique;
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_idempotency_scope_key_unique UNIQUE (idempotency_scope, idempotency_key);
        -- A key without its scope would escape the unique constraint (NULLs are distinct).
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_idempotency_key_scoped
          CHECK (idempotency_key IS NULL OR idempotency_scope IS NOT NULL);
      `)
    }
    this.schema.raw(`
      ALTER TABLE idempotent_writes ADD COLUMN idempotency_scope varchar(40);
      UPDATE idempotent_writes SET idempotency_scope = 'legacy';
      ALTER TABLE idempotent_writes ALTER COLUMN idempotency_scope SET NOT NULL;
      ALTER TABLE idempotent_writes DROP CONSTRAINT idempotent_writes_operation_key_unique;
      ALTER TABLE idempotent_writes ADD CONSTRAINT idempotent_writes_operation_scope_key_unique
        UNIQUE (operation, idempotency_scope, idempotency_key);
    `)
    this.schema.raw(recordSale({ scoped: true }))
  }

  async down() {
    // Fails if two callers have used one key since: which of them keeps it is not for a script to say.
    this.schema.raw(recordSale({ scoped: false }))
    this.schema.raw(`
      ALTER TABLE idempotent_writes DROP CONSTRAINT idempotent_writes_operation_scope_key_unique;
      ALTER TABLE idempotent_writes ADD CONSTRAINT idempotent_writes_operation_key_unique UNIQUE (operation, idempotency_key);
      ALTER TABLE idempotent_writes DROP COLUMN idempotency_scope;
    `)
    for (const { table } of KEYED_ROWS) {
      this.schema.raw(`
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_idempotency_key_scoped;
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_idempotency_scope_key_unique;
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_idempotency_key_unique UNIQUE (idempotency_key);
        ALTER TABLE ${table} DROP COLUMN idempotency_scope;
      `)
    }
  }
}

/**
 * record_sale() of migration 0010, with or without the key's scope: the
 * sale's row takes `idempotency_scope` from the request, and a taken
 * (scope, key) pair answers NULL (the API then replays that caller's sale).
 * Everything else is unchanged.
 */
function recordSale({ scoped }: { scoped: boolean }): string {
  const scopeColumn = scoped ? ', idempotency_scope' : ''
  const scopeValue = scoped ? ", p_sale->>'idempotency_scope'" : ''
  const conflictTarget = scoped ? '(idempotency_scope, idempotency_key)' : '(idempotency_key)'
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
                         idempotency_key, request_fingerprint${scopeColumn})
      VALUES (v_id, 'S' || v_store || '-R' || (p_sale->>'register_number') || '-' || lpad(v_id::text, 8, '0'),
              v_store, v_register, v_session, v_clerk, 'completed',
              (p_sale->>'subtotal_cents')::integer, (p_sale->>'tax_cents')::integer, (p_sale->>'total_cents')::integer,
              (p_sale->>'paid_cents')::integer, (p_sale->>'change_cents')::integer,
              p_sale->>'idempotency_key', p_sale->>'fingerprint'${scopeValue})
      ON CONFLICT ${conflictTarget} DO NOTHING
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

      RETURN jsonb_build_object('id', v_id, 'session_id', v_session, 'created_at', v_created_at,
                                'receipt_number', v_receipt, 'line_ids', v_line_ids, 'applied', v_stock->'applied');
    END
    $fn$
  `
}
