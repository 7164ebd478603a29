import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * GET /sales?search= matches any part of the receipt number (ILIKE '%…%'),
 * which no b-tree serves: at 400,000 sales each search scanned them all
 * (≈ 200 ms, twice per page with the total). A trigram index answers a
 * search of 3 characters or more in a few milliseconds. pg_trgm ships with
 * PostgreSQL and is a trusted extension: the database's owner may create it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    this.schema.raw('CREATE INDEX sales_receipt_number_trgm ON sales USING gin (receipt_number gin_trgm_ops)')
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS sales_receipt_number_trgm')
  }
}
