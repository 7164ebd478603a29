import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A product code or barcode names one product whatever its case: "ali001"
 * next to ALI001 (Pain) made the register's scan, which reads codes in any
 * case, pick either. Unique on lower(), beside the exact unique constraints.
 * A database that already holds such pairs stops here with their list: which
 * of two products keeps the code is a decision for a person, not a script.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      DO $check$
      DECLARE clashes text;
      BEGIN
        SELECT string_agg(codes, '; ') INTO clashes FROM (
          SELECT 'code ' || string_agg(code, ' / ' ORDER BY id) AS codes FROM products GROUP BY lower(code) HAVING count(*) > 1
          UNION ALL
          SELECT 'barcode ' || string_agg(barcode, ' / ' ORDER BY id) FROM products WHERE barcode IS NOT NULL GROUP BY lower(barcode) HAVING count(*) > 1
        ) pairs;
        IF clashes IS NOT NULL THEN
          RAISE EXCEPTION 'Products share a code or barcode in another case (rename one of each): %', clashes;
        END IF;
      END
      $check$;
      CREATE UNIQUE INDEX products_code_lower_unique ON products (lower(code));
      CREATE UNIQUE INDEX products_barcode_lower_unique ON products (lower(barcode));
    `)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS products_barcode_lower_unique; DROP INDEX IF EXISTS products_code_lower_unique')
  }
}
