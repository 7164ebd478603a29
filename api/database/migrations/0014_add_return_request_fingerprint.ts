import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Returns honour Idempotency-Key like sales: the same key with another body
 * must be a 409, not a replay of the first return. The key alone cannot say
 * that, so the return keeps the fingerprint of the body that first used it.
 * Returns from before this migration keep NULL and replay for their key as
 * they did.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('returns', (table) => {
      table.string('request_fingerprint', 64).nullable()
    })
  }

  async down() {
    this.schema.alterTable('returns', (table) => {
      table.dropColumn('request_fingerprint')
    })
  }
}
