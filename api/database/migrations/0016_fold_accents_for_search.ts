import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Searches ignore accents: a clerk types "pates" on the register's keyboard
 * for "Pâtes", a manager "ecole" for the store "École". fold_accents() wraps
 * unaccent with its dictionary named, which makes it IMMUTABLE (unaccent()
 * alone depends on the search path), so an expression index can use it if a
 * list grows large. unaccent ships with PostgreSQL and is a trusted extension.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public')
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION fold_accents(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
    `)
  }

  async down() {
    this.schema.raw('DROP FUNCTION IF EXISTS fold_accents(text)')
  }
}
