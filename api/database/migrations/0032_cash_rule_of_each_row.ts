import { BaseSchema } from '@adonisjs/lucid/schema'
import { refuseOnceRounded } from './0031_cash_rounding.js'

/*
 * Which sales and returns were settled by the nickel rule (ADR 0023): stock:verify checks those
 * by it, and the ones made before 0031 by the exact rule they were made with (exact change,
 * exact cash refunds) — the checks of the new rule alone flagged every earlier partial cash
 * refund. Rows already there are the old rule's; rows written from now on, by record_sale(),
 * create_return or the demo's COPY without naming the column, take the default: the new rule.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of ['sales', 'returns']) {
      this.schema.raw(`ALTER TABLE ${table} ADD COLUMN cash_to_nickel boolean NOT NULL DEFAULT false`)
      this.schema.raw(`ALTER TABLE ${table} ALTER COLUMN cash_to_nickel SET DEFAULT true`)
    }
  }

  /** Refused once a sale or return was rounded: run again, up() would file it under the old rule. */
  async down() {
    this.defer(async (db) => {
      await refuseOnceRounded(db, '0032')
      for (const table of ['sales', 'returns']) await db.rawQuery(`ALTER TABLE ${table} DROP COLUMN cash_to_nickel`)
    })
  }
}
