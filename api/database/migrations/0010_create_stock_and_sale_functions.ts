import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A sale's writes as one database statement (ADR 0011). On this kind of
 * machine a round trip to PostgreSQL costs more CPU than the statement it
 * carries, and a sale used to make nine of them while holding its stock
 * locks. The rules stay in TypeScript (prices, taxes, tenders, who may sell
 * where); these functions only write what the API computed, atomically.
 * They never raise for a business refusal (that would abort the caller's
 * whole transaction): they check first, write nothing, and answer with
 * the reason.
 *
 * - stock_shortfalls: locks the levels in product order (so concurrent
 *   multi-line writes cannot deadlock) and lists the changes that would
 *   take a level below zero, with what is available.
 * - apply_stock_changes: the only way stock changes (every caller goes
 *   through it): {"short": [...]} and nothing written, or every delta
 *   applied with one ledger row each and {"applied": [...]}.
 * - record_sale: the sale, its lines, taxes, payments, stock and daily
 *   rollups; {"refused": "register_closed"} or {"refused":
 *   "insufficient_stock", "items": [...]} and nothing written; NULL when the
 *   Idempotency-Key is already taken (the API answers with the first sale).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION stock_shortfalls(p_location integer, p_products integer[], p_deltas integer[])
      RETURNS jsonb
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_short jsonb;
      BEGIN
        PERFORM 1 FROM stock_levels s
          WHERE s.location_id = p_location AND s.product_id = ANY(p_products)
          ORDER BY s.product_id FOR UPDATE;
        SELECT jsonb_agg(jsonb_build_object('product_id', r.product_id, 'product', p.name,
                                            'requested', -r.delta, 'available', coalesce(s.quantity, 0))
                         ORDER BY r.product_id)
          INTO v_short
          FROM unnest(p_products, p_deltas) AS r(product_id, delta)
          LEFT JOIN products p ON p.id = r.product_id
          LEFT JOIN stock_levels s ON s.location_id = p_location AND s.product_id = r.product_id
         WHERE coalesce(s.quantity, 0) + r.delta < 0;
        RETURN v_short;
      END
      $fn$
    `)

    this.schema.raw(`
      CREATE OR REPLACE FUNCTION apply_stock_changes(
        p_location integer, p_products integer[], p_deltas integer[], p_kind text,
        p_reference_type text, p_reference_id bigint, p_reason text, p_user integer
      ) RETURNS jsonb
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_short jsonb;
        v_applied jsonb;
      BEGIN
        INSERT INTO stock_levels (location_id, product_id, quantity)
        SELECT p_location, r.product_id, 0 FROM unnest(p_products, p_deltas) AS r(product_id, delta) WHERE r.delta > 0
        ON CONFLICT (location_id, product_id) DO NOTHING;

        v_short := stock_shortfalls(p_location, p_products, p_deltas);
        IF v_short IS NOT NULL THEN
          RETURN jsonb_build_object('short', v_short);
        END IF;

        WITH requested AS (
          SELECT * FROM unnest(p_products, p_deltas) AS r(product_id, delta)
        ), updated AS (
          UPDATE stock_levels s
             SET quantity = s.quantity + r.delta, updated_at = now()
            FROM requested r
           WHERE s.location_id = p_location AND s.product_id = r.product_id
          RETURNING s.product_id, r.delta, s.quantity, s.reorder_point
        ), ledger AS (
          INSERT INTO stock_movements
            (location_id, product_id, quantity_delta, balance_after, kind, reference_type, reference_id, reason, user_id)
          SELECT p_location, u.product_id, u.delta, u.quantity, p_kind, p_reference_type, p_reference_id, p_reason, p_user
            FROM updated u
          RETURNING product_id
        )
        SELECT coalesce(jsonb_agg(jsonb_build_object('product_id', u.product_id, 'delta', u.delta,
                                                     'balance_after', u.quantity, 'reorder_point', u.reorder_point)
                                  ORDER BY u.product_id), '[]'::jsonb)
          INTO v_applied
          FROM updated u JOIN ledger l USING (product_id);
        RETURN jsonb_build_object('applied', v_applied);
      END
      $fn$
    `)

    this.schema.raw(`
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
                           idempotency_key, request_fingerprint)
        VALUES (v_id, 'S' || v_store || '-R' || (p_sale->>'register_number') || '-' || lpad(v_id::text, 8, '0'),
                v_store, v_register, v_session, v_clerk, 'completed',
                (p_sale->>'subtotal_cents')::integer, (p_sale->>'tax_cents')::integer, (p_sale->>'total_cents')::integer,
                (p_sale->>'paid_cents')::integer, (p_sale->>'change_cents')::integer,
                p_sale->>'idempotency_key', p_sale->>'fingerprint')
        ON CONFLICT (idempotency_key) DO NOTHING
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
    `)
  }

  async down() {
    this.schema.raw('DROP FUNCTION IF EXISTS record_sale(jsonb)')
    this.schema.raw('DROP FUNCTION IF EXISTS apply_stock_changes(integer, integer[], integer[], text, text, bigint, text, integer)')
    this.schema.raw('DROP FUNCTION IF EXISTS stock_shortfalls(integer, integer[], integer[])')
  }
}
