import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A pending replenishment request's quantity can be changed (PATCH
 * /replenishments/{id}): with one request in flight per store and product
 * (ADR 0018), a store that asked for too little could otherwise only cancel
 * and ask again. The request row keeps the quantity now asked; each change
 * is a row here, so its history shows who changed it, when, and from what.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('replenishment_quantity_changes', (table) => {
      table.increments('id')
      table
        .integer('replenishment_request_id')
        .notNullable()
        .references('id')
        .inTable('replenishment_requests')
        .onDelete('RESTRICT')
      table.integer('previous_quantity').notNullable()
      table.integer('new_quantity').notNullable()
      table.integer('changed_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('previous_quantity > 0 AND new_quantity > 0', [], 'replenishment_quantity_changes_positive')
      table.index(['replenishment_request_id'])
    })
  }

  async down() {
    this.schema.dropTable('replenishment_quantity_changes')
  }
}
