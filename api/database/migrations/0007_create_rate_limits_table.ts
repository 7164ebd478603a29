import { BaseSchema } from '@adonisjs/lucid/schema'

/* Counters of @adonisjs/limiter's database store (login throttling); shape set by rate-limiter-flexible. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('rate_limits', (table) => {
      table.string('key', 255).notNullable().primary()
      table.integer('points').notNullable().defaultTo(0)
      table.bigint('expire').nullable()
    })
  }

  async down() {
    this.schema.dropTable('rate_limits')
  }
}
