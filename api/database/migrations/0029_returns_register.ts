import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * The register a return was made at: its cash refund leaves that drawer, and its figures count
 * for that register. It was always taken to be the sale's, so a refund given at Caisse 3 for a
 * sale of Caisse 2 lowered Caisse 2's expected cash (and was refused when Caisse 2 was closed).
 * Every return made before was booked against its sale's register: that is what it keeps.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('returns', (table) => {
      table.integer('register_id').nullable().references('id').inTable('registers').onDelete('RESTRICT')
    })
    this.defer(async (db) => {
      await db.rawQuery('UPDATE returns r SET register_id = s.register_id FROM sales s WHERE s.id = r.sale_id')
      await db.rawQuery('ALTER TABLE returns ALTER COLUMN register_id SET NOT NULL')
    })
  }

  /**
   * Refused once a return was made at another register than its sale's: without the column, its
   * register rollups (counted at that register) could no longer be told from its sale's.
   */
  async down() {
    this.defer(async (db) => {
      const moved = await db.rawQuery(
        'SELECT count(*)::int AS count FROM returns r JOIN sales s ON s.id = r.sale_id WHERE r.register_id <> s.register_id'
      )
      if (moved.rows[0].count > 0) {
        throw new Error(`${moved.rows[0].count} returns were made at another register than their sale's: 0029 cannot be rolled back`)
      }
    })
    this.schema.alterTable('returns', (table) => {
      table.dropColumn('register_id')
    })
  }
}
