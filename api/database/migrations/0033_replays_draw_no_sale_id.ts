import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A replayed Idempotency-Key drew a sale id: record_sale() took nextval() before its INSERT … ON
 * CONFLICT DO NOTHING found the key used, and the receipt numbers (S<store>-R<register>-<sale id>)
 * showed a gap per retry, which reads as a deleted sale. record_sale() is now a gate in front of
 * the function as 0025 left it (renamed record_sale_unlocked, unchanged): a keyed sale first takes
 * an advisory lock on its scope and key, so requests sharing a key run one after the other, then
 * answers NULL (a replay, as before) when a sale with that key exists. Each statement of a
 * function sees what committed before it started (READ COMMITTED), so the request that waited on
 * the lock sees the sale of the one that held it. The ON CONFLICT stays, for a writer that
 * bypasses the gate.
 */
export default class extends BaseSchema {
  async up() {
    // migration:fresh wipes tables, not functions: one left by an earlier run would block the rename.
    this.schema.raw('DROP FUNCTION IF EXISTS record_sale_unlocked(jsonb)')
    this.schema.raw('ALTER FUNCTION record_sale(jsonb) RENAME TO record_sale_unlocked')
    this.schema.raw(`
      CREATE FUNCTION record_sale(p_sale jsonb) RETURNS jsonb
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_scope text := p_sale->>'idempotency_scope';
        v_key text := p_sale->>'idempotency_key';
      BEGIN
        IF v_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtextextended('sale:' || coalesce(v_scope, '') || ':' || v_key, 0));
          IF EXISTS (SELECT 1 FROM sales WHERE idempotency_scope = v_scope AND idempotency_key = v_key) THEN
            RETURN NULL;
          END IF;
        END IF;
        RETURN record_sale_unlocked(p_sale);
      END
      $fn$
    `)
  }

  async down() {
    this.schema.raw('DROP FUNCTION record_sale(jsonb)')
    this.schema.raw('ALTER FUNCTION record_sale_unlocked(jsonb) RENAME TO record_sale')
  }
}
