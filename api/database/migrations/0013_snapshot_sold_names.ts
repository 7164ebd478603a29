import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * A receipt printed again must say what was printed the first time: the
 * product's code and name, and the store's header, as they were at the sale
 * (a product renamed or a store that moved since must not rewrite old
 * receipts). Triggers copy them when the rows are inserted, so every writer
 * (record_sale(), the demo generator's COPY) keeps them without knowing;
 * rows from before this migration keep NULL and are read with today's values.
 * OR REPLACE: wiping a database (db:wipe) drops its tables, not its functions.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      ALTER TABLE sale_lines ADD COLUMN product_code varchar(32), ADD COLUMN product_name varchar(200);
      ALTER TABLE sales ADD COLUMN store_header jsonb;

      CREATE OR REPLACE FUNCTION snapshot_sale_line() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.product_code IS NULL OR NEW.product_name IS NULL THEN
          SELECT code, name INTO NEW.product_code, NEW.product_name FROM products WHERE id = NEW.product_id;
        END IF;
        RETURN NEW;
      END
      $fn$;
      CREATE TRIGGER sale_lines_snapshot BEFORE INSERT ON sale_lines
        FOR EACH ROW EXECUTE FUNCTION snapshot_sale_line();

      CREATE OR REPLACE FUNCTION snapshot_sale_store() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.store_header IS NULL THEN
          SELECT jsonb_build_object('name', name, 'address', address, 'phone', phone, 'email', email)
            INTO NEW.store_header FROM stores WHERE id = NEW.store_id;
        END IF;
        RETURN NEW;
      END
      $fn$;
      CREATE TRIGGER sales_snapshot BEFORE INSERT ON sales
        FOR EACH ROW EXECUTE FUNCTION snapshot_sale_store();
    `)
  }

  async down() {
    this.schema.raw(`
      DROP TRIGGER IF EXISTS sales_snapshot ON sales;
      DROP TRIGGER IF EXISTS sale_lines_snapshot ON sale_lines;
      DROP FUNCTION IF EXISTS snapshot_sale_store();
      DROP FUNCTION IF EXISTS snapshot_sale_line();
      ALTER TABLE sales DROP COLUMN IF EXISTS store_header;
      ALTER TABLE sale_lines DROP COLUMN IF EXISTS product_code, DROP COLUMN IF EXISTS product_name;
    `)
  }
}
