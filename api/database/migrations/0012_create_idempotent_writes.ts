import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Idempotency-Key for writes that have no row of their own to carry the key
 * (a stock adjustment or a warehouse receipt writes ledger movements, which
 * are append-only): the key, the fingerprint of the body that first used it,
 * and what that write produced (movement ids), inserted in the write's own
 * transaction. The unique index is what stops two concurrent retries.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('idempotent_writes', (table) => {
      table.bigIncrements('id')
      table.string('operation', 40).notNullable()
      table.string('idempotency_key', 100).notNullable()
      table.string('request_fingerprint', 64).notNullable()
      table.jsonb('result').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['operation', 'idempotency_key'], { indexName: 'idempotent_writes_operation_key_unique' })
    })
  }

  async down() {
    this.schema.dropTable('idempotent_writes')
  }
}
