import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * The X/Z report of a drawer session (shown on every POS page) sums the
 * session's sales, payments, taxes and refunds; without these indexes each
 * of those sums scanned every sale ever made (seconds at a million lines).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('sales', (table) => {
      table.index(['register_session_id'])
    })
    this.schema.alterTable('returns', (table) => {
      table.index(['register_session_id'])
    })
  }

  async down() {
    this.schema.alterTable('returns', (table) => {
      table.dropIndex(['register_session_id'])
    })
    this.schema.alterTable('sales', (table) => {
      table.dropIndex(['register_session_id'])
    })
  }
}
