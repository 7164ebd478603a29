import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    // Where stock lives: one location per store plus the single central warehouse.
    this.schema.createTable('stock_locations', (table) => {
      table.increments('id')
      table.string('kind', 16).notNullable()
      table.integer('store_id').nullable().unique().references('id').inTable('stores').onDelete('RESTRICT')
      table.string('name', 150).notNullable()
      table.check("kind IN ('store', 'warehouse')", [], 'stock_locations_kind_known')
      table.check("(kind = 'store') = (store_id IS NOT NULL)", [], 'stock_locations_store_iff_store_kind')
    })
    this.schema.raw(
      "CREATE UNIQUE INDEX stock_locations_one_warehouse ON stock_locations (kind) WHERE kind = 'warehouse'"
    )

    this.schema.createTable('stock_levels', (table) => {
      table.increments('id')
      table.integer('location_id').notNullable().references('id').inTable('stock_locations').onDelete('RESTRICT')
      table.integer('product_id').notNullable().references('id').inTable('products').onDelete('RESTRICT')
      table.integer('quantity').notNullable().defaultTo(0)
      table.integer('reorder_point').notNullable().defaultTo(0)
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['location_id', 'product_id'])
      table.index(['product_id'])
      table.check('quantity >= 0', [], 'stock_levels_quantity_non_negative')
      table.check('reorder_point >= 0', [], 'stock_levels_reorder_point_non_negative')
    })

    // The ledger: every change of a stock level, never edited or removed.
    this.schema.createTable('stock_movements', (table) => {
      table.bigIncrements('id')
      table.integer('location_id').notNullable()
      table.integer('product_id').notNullable()
      table.integer('quantity_delta').notNullable()
      table.integer('balance_after').notNullable()
      table.string('kind', 24).notNullable()
      table.string('reference_type', 32).nullable()
      table.bigInteger('reference_id').nullable()
      table.string('reason', 500).nullable()
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['location_id', 'product_id'])
        .references(['location_id', 'product_id'])
        .inTable('stock_levels')
        .onDelete('RESTRICT')
      table.check('quantity_delta <> 0', [], 'stock_movements_delta_non_zero')
      table.check('balance_after >= 0', [], 'stock_movements_balance_non_negative')
      table.check(
        "kind IN ('sale', 'return', 'replenishment_out', 'replenishment_in', 'adjustment', 'receipt')",
        [],
        'stock_movements_kind_known'
      )
      table.index(['location_id', 'product_id', 'created_at'])
      table.index(['created_at'])
      table.index(['reference_type', 'reference_id'])
    })
    this.schema.raw(`
      CREATE OR REPLACE FUNCTION stock_movements_immutable() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is an append-only ledger';
      END;
      $$ LANGUAGE plpgsql
    `)
    this.schema.raw(`
      CREATE TRIGGER stock_movements_no_update_or_delete
      BEFORE UPDATE OR DELETE ON stock_movements
      FOR EACH ROW EXECUTE FUNCTION stock_movements_immutable()
    `)

    this.schema.createTable('replenishment_requests', (table) => {
      table.increments('id')
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.integer('product_id').notNullable().references('id').inTable('products').onDelete('RESTRICT')
      table.integer('quantity').notNullable()
      table.string('note', 500).nullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('requested_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('requested_at', { useTz: true }).notNullable().defaultTo(this.now())
      for (const step of ['approved', 'shipped', 'received', 'rejected', 'cancelled']) {
        table.integer(`${step}_by`).nullable().references('id').inTable('users').onDelete('SET NULL')
        table.timestamp(`${step}_at`, { useTz: true }).nullable()
      }
      table.string('rejection_reason', 500).nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('quantity > 0', [], 'replenishment_requests_quantity_positive')
      table.check(
        "status IN ('pending', 'approved', 'shipped', 'received', 'rejected', 'cancelled')",
        [],
        'replenishment_requests_status_known'
      )
      // Each state carries the timestamp of the transition that reached it.
      table.check(
        "(status <> 'approved' OR approved_at IS NOT NULL) AND (status <> 'shipped' OR shipped_at IS NOT NULL) AND (status <> 'received' OR received_at IS NOT NULL) AND (status <> 'rejected' OR rejected_at IS NOT NULL) AND (status <> 'cancelled' OR cancelled_at IS NOT NULL)",
        [],
        'replenishment_requests_transition_stamped'
      )
      table.index(['status', 'store_id'])
    })
  }

  async down() {
    this.schema.dropTable('replenishment_requests')
    this.schema.dropTable('stock_movements')
    this.schema.raw('DROP FUNCTION IF EXISTS stock_movements_immutable()')
    this.schema.dropTable('stock_levels')
    this.schema.dropTable('stock_locations')
  }
}
