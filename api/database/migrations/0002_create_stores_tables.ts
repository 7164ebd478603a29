import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('stores', (table) => {
      table.increments('id')
      table.string('name', 150).notNullable().unique()
      table.string('address', 300).nullable()
      table.string('phone', 40).nullable()
      table.string('email', 254).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.createTable('registers', (table) => {
      table.increments('id')
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.integer('number').notNullable()
      table.string('name', 100).notNullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['store_id', 'number'])
      table.check('number > 0', [], 'registers_number_positive')
    })

    // Sales taxes are data: one row per tax a store collects (GST, QST, ...).
    this.schema.createTable('store_tax_rates', (table) => {
      table.increments('id')
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('CASCADE')
      table.string('code', 16).notNullable()
      table.string('label', 60).notNullable()
      // Parts per million: 5 % = 50000, 9.975 % = 99750; integers keep the math exact.
      table.integer('rate_ppm').notNullable()
      table.string('registration_number', 40).nullable()
      table.integer('position').notNullable().defaultTo(0)
      table.unique(['store_id', 'code'])
      table.check('rate_ppm >= 0 AND rate_ppm <= 1000000', [], 'store_tax_rates_rate_range')
    })
  }

  async down() {
    this.schema.dropTable('store_tax_rates')
    this.schema.dropTable('registers')
    this.schema.dropTable('stores')
  }
}
