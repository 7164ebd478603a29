import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A refund can be split across the sale's tenders (ADR 0017): 2.00 paid by
 * card and 1.80 kept in cash come back as 2.00 to the card and 1.80 from the
 * drawer, never 3.80 to the card. Each part is a row here, in integer cents;
 * the parts of a return add up to its total. returns.refund_method keeps the
 * one tender, or 'mixed' when there are several.
 *
 * Returns recorded before this migration had one tender: each gets one part
 * for its whole total. The demo loader's 'original' meant "to the sale's
 * card" (cash when the sale took none); the part says so.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('return_refunds', (table) => {
      table.bigIncrements('id')
      table.bigInteger('return_id').notNullable().references('id').inTable('returns').onDelete('RESTRICT')
      table.string('method', 16).notNullable()
      table.integer('amount_cents').notNullable()
      table.unique(['return_id', 'method'])
      table.check("method IN ('cash', 'card', 'other')", [], 'return_refunds_method_known')
      table.check('amount_cents > 0', [], 'return_refunds_amount_positive')
    })
    this.schema.raw('ALTER TABLE returns DROP CONSTRAINT returns_method_known')
    this.schema.raw(
      "ALTER TABLE returns ADD CONSTRAINT returns_method_known CHECK (refund_method IN ('cash', 'card', 'other', 'original', 'mixed'))"
    )
    this.schema.raw(`
      INSERT INTO return_refunds (return_id, method, amount_cents)
      SELECT r.id,
             CASE WHEN r.refund_method IN ('cash', 'card', 'other') THEN r.refund_method
                  ELSE COALESCE((SELECT p.method FROM payments p WHERE p.sale_id = r.sale_id AND p.method <> 'cash'
                                  ORDER BY p.id LIMIT 1), 'cash') END,
             r.total_cents
        FROM returns r
       WHERE r.total_cents > 0
    `)
  }

  async down() {
    this.schema.dropTable('return_refunds')
    this.schema.raw("UPDATE returns SET refund_method = 'original' WHERE refund_method = 'mixed'")
    this.schema.raw('ALTER TABLE returns DROP CONSTRAINT returns_method_known')
    this.schema.raw(
      "ALTER TABLE returns ADD CONSTRAINT returns_method_known CHECK (refund_method IN ('cash', 'card', 'other', 'original'))"
    )
  }
}
