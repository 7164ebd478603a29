import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('categories', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('description', 500).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.createTable('products', (table) => {
      table.increments('id')
      table.string('code', 32).notNullable().unique()
      table.string('name', 200).notNullable().index()
      table.string('description', 1000).nullable()
      table.integer('price_cents').notNullable()
      table
        .integer('category_id')
        .notNullable()
        .references('id')
        .inTable('categories')
        .onDelete('RESTRICT')
        .index()
      table.string('barcode', 32).nullable().unique()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('price_cents >= 0', [], 'products_price_non_negative')
    })

    // Trigram-free but case-insensitive search on name/code stays index-assisted.
    this.schema.raw('CREATE INDEX products_name_lower_idx ON products (lower(name))')
  }

  async down() {
    this.schema.dropTable('products')
    this.schema.dropTable('categories')
  }
}
