import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A password an administrator typed (a new account, or a reset of someone
 * else's) is known to that administrator: its owner must replace it with
 * their own before anything else. The flag is set by POST /users and by a
 * PATCH /users/{id} that sets another user's password, and cleared by
 * POST /auth/password. Existing accounts chose — or were given — their
 * password before the rule existed and are not flagged.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.boolean('must_change_password').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('must_change_password')
    })
  }
}
