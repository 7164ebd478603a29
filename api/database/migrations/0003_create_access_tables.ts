import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('username', 60).notNullable().unique()
      table.string('email', 254).notNullable().unique()
      table.string('full_name', 120).notNullable()
      table.string('password', 255).notNullable()
      table.string('role', 16).notNullable()
      table.integer('store_id').nullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check("role IN ('clerk', 'manager', 'admin')", [], 'users_role_known')
      // A clerk always belongs to exactly one store.
      table.check("role <> 'clerk' OR store_id IS NOT NULL", [], 'users_clerk_has_store')
    })

    this.schema.createTable('api_tokens', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable()
      // Only the SHA-256 of the token is stored; the token itself is shown once.
      table.string('token_hash', 64).notNullable().unique()
      table.string('token_prefix', 12).notNullable()
      table.specificType('scopes', 'text[]').notNullable()
      table.string('kind', 16).notNullable().defaultTo('integration')
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.check("kind IN ('integration', 'session')", [], 'api_tokens_kind_known')
      table.check("kind <> 'session' OR user_id IS NOT NULL", [], 'api_tokens_session_has_user')
    })
  }

  async down() {
    this.schema.dropTable('api_tokens')
    this.schema.dropTable('users')
  }
}
