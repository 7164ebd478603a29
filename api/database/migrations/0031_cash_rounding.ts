import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * Cash rounds to the nickel (ADR 0023): a sale of 5.28 paid in cash keeps 5.30 in the drawer, so
 * Σ payments − change is the total plus a rounding of −2 to +2 cents. On a sale the rounding
 * is what the amounts already say, so a generated column (record_sale and the demo's COPY write
 * the amounts as before); on a return it is what the drawer handed back beyond the exact cash
 * part, written by create_return.
 */
const EXACT = 'paid_cents - change_cents = total_cents'
const ROUNDED = 'paid_cents - change_cents - total_cents BETWEEN -2 AND 2'
const AMOUNTS = 'subtotal_cents >= 0 AND tax_cents >= 0 AND total_cents = subtotal_cents + tax_cents AND change_cents >= 0'

/** A rollback of the nickel rule (0031, 0032) refuses, changing nothing, once a sale or a return was rounded. */
export async function refuseOnceRounded(db: QueryClientContract, migration: string) {
  const rounded = await db.rawQuery(
    `SELECT (SELECT count(*) FROM sales WHERE cash_rounding_cents <> 0)::int
          + (SELECT count(*) FROM returns WHERE cash_rounding_cents <> 0)::int AS count`
  )
  if (rounded.rows[0].count > 0) {
    throw new Error(`${rounded.rows[0].count} sales and returns were rounded to the nickel: ${migration} cannot be rolled back`)
  }
}

export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      ALTER TABLE sales
        ADD COLUMN cash_rounding_cents smallint GENERATED ALWAYS AS ((paid_cents - change_cents - total_cents)::smallint) STORED,
        DROP CONSTRAINT sales_amounts_consistent,
        ADD CONSTRAINT sales_amounts_consistent CHECK (${AMOUNTS} AND ${ROUNDED})
    `)
    this.schema.alterTable('returns', (table) => {
      table.integer('cash_rounding_cents').notNullable().defaultTo(0)
    })
  }

  /** Refused once a sale or a return was rounded: the exact rule would no longer hold for it. */
  async down() {
    this.defer(async (db) => {
      await refuseOnceRounded(db, '0031')
      await db.rawQuery(`
        ALTER TABLE sales
          DROP CONSTRAINT sales_amounts_consistent,
          ADD CONSTRAINT sales_amounts_consistent CHECK (${AMOUNTS} AND ${EXACT}),
          DROP COLUMN cash_rounding_cents
      `)
      await db.rawQuery('ALTER TABLE returns DROP COLUMN cash_rounding_cents')
    })
  }
}
