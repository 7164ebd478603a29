import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Rollups are written in the same transaction as the sale or return they
 * summarise, so reports read a few thousand rows instead of every line.
 * `day` is the business day in APP_TIMEZONE.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('daily_sales_rollups', (table) => {
      table.bigIncrements('id')
      table.date('day').notNullable()
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.integer('product_id').notNullable().references('id').inTable('products').onDelete('RESTRICT')
      table.integer('quantity_sold').notNullable().defaultTo(0)
      table.bigInteger('revenue_cents').notNullable().defaultTo(0)
      table.integer('sale_count').notNullable().defaultTo(0)
      table.integer('quantity_returned').notNullable().defaultTo(0)
      table.bigInteger('refunded_cents').notNullable().defaultTo(0)
      table.unique(['day', 'store_id', 'product_id'])
      table.index(['store_id', 'day'])
      table.index(['product_id', 'day'])
      table.check(
        'quantity_sold >= 0 AND revenue_cents >= 0 AND sale_count >= 0 AND quantity_returned >= 0 AND refunded_cents >= 0',
        [],
        'daily_sales_rollups_non_negative'
      )
    })

    this.schema.createTable('daily_register_rollups', (table) => {
      table.bigIncrements('id')
      table.date('day').notNullable()
      table.integer('register_id').notNullable().references('id').inTable('registers').onDelete('RESTRICT')
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.integer('sales_count').notNullable().defaultTo(0)
      table.bigInteger('subtotal_cents').notNullable().defaultTo(0)
      table.bigInteger('tax_cents').notNullable().defaultTo(0)
      table.bigInteger('total_cents').notNullable().defaultTo(0)
      table.integer('returns_count').notNullable().defaultTo(0)
      table.bigInteger('refunded_subtotal_cents').notNullable().defaultTo(0)
      table.bigInteger('refunded_total_cents').notNullable().defaultTo(0)
      table.unique(['day', 'register_id'])
      table.index(['store_id', 'day'])
      table.check(
        'sales_count >= 0 AND subtotal_cents >= 0 AND tax_cents >= 0 AND total_cents >= 0 AND returns_count >= 0 AND refunded_subtotal_cents >= 0 AND refunded_total_cents >= 0',
        [],
        'daily_register_rollups_non_negative'
      )
    })
  }

  async down() {
    this.schema.dropTable('daily_register_rollups')
    this.schema.dropTable('daily_sales_rollups')
  }
}
