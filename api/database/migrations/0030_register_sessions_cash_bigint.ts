import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A session's expected cash is the float plus every cash sale of the session, less change and
 * cash refunds: a few sales near the 20 000 000,00 $ limit of one sale took it past the int4
 * ceiling (21 474 836,47 $), and the close of such a session failed, leaving the register open
 * for good. The column is a sum, so bigint, like the rollups; the count is kept beside it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      'ALTER TABLE register_sessions ALTER COLUMN expected_cash_cents TYPE bigint, ALTER COLUMN counted_cash_cents TYPE bigint'
    )
  }

  async down() {
    // Refused rather than failing half-way on a value int4 cannot hold.
    this.defer(async (db) => {
      const over = await db
        .from('register_sessions')
        .where('expected_cash_cents', '>', 2_147_483_647)
        .orWhere('expected_cash_cents', '<', -2_147_483_648)
        .count('* as n')
        .first()
      if (Number(over?.n ?? 0) > 0) {
        throw new Error(`${over?.n} register sessions expected more cash than int4 holds: cannot go back to int4`)
      }
      await db.rawQuery(
        'ALTER TABLE register_sessions ALTER COLUMN expected_cash_cents TYPE integer, ALTER COLUMN counted_cash_cents TYPE integer'
      )
    })
  }
}
