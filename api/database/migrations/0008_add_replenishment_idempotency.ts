import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * POST /replenishments honours Idempotency-Key like POST /sales: the key
 * (unique, so two concurrent retries cannot both insert) and the
 * fingerprint of the body that first used it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('replenishment_requests', (table) => {
      table.string('idempotency_key', 100).nullable().unique()
      table.string('request_fingerprint', 64).nullable()
    })
  }

  async down() {
    this.schema.alterTable('replenishment_requests', (table) => {
      table.dropColumn('request_fingerprint')
      table.dropColumn('idempotency_key')
    })
  }
}
