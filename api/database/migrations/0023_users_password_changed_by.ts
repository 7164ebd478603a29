import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Which session last changed the user's own password, and when: a change sent
 * twice (a double click, a retry after a lost answer) finds the password
 * already changed by that same session moments ago and answers as the first
 * did, while anything else whose "new" password happens to be the stored one
 * (fields swapped, a temporary password typed again) is still refused.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.timestamp('password_changed_at', { useTz: true }).nullable()
      // No foreign key: the token may be purged later, and its id (never reused) is only compared.
      table.integer('password_changed_by_token_id').nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('password_changed_by_token_id')
      table.dropColumn('password_changed_at')
    })
  }
}
