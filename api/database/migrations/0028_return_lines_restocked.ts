import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A customer often brings back some items whole and some broken (three jars, one cracked):
 * whether goods go back to the stock is said per returned line, not per return. The lines of
 * returns made before take their return's choice.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('return_lines', (table) => {
      table.boolean('restocked').notNullable().defaultTo(true)
    })
    this.defer(async (db) => {
      await db.rawQuery(
        'UPDATE return_lines SET restocked = false FROM returns WHERE returns.id = return_lines.return_id AND NOT returns.restocked'
      )
    })
  }

  async down() {
    this.schema.alterTable('return_lines', (table) => {
      table.dropColumn('restocked')
    })
  }
}
