import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Goods brought back damaged (a mouldy cheese, a broken jar) are refunded but not sold again:
 * such a return leaves the store's stock as it is. Every return made before went back to stock.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('returns', (table) => {
      table.boolean('restocked').notNullable().defaultTo(true)
    })
  }

  async down() {
    this.schema.alterTable('returns', (table) => {
      table.dropColumn('restocked')
    })
  }
}
