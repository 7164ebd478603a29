import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('register_sessions', (table) => {
      table.increments('id')
      table.integer('register_id').notNullable().references('id').inTable('registers').onDelete('RESTRICT')
      table.integer('opened_by').notNullable().references('id').inTable('users').onDelete('RESTRICT')
      table.timestamp('opened_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.integer('opening_float_cents').notNullable()
      table.integer('closed_by').nullable().references('id').inTable('users').onDelete('RESTRICT')
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.integer('counted_cash_cents').nullable()
      table.integer('expected_cash_cents').nullable()
      table.string('note', 500).nullable()
      table.check('opening_float_cents >= 0', [], 'register_sessions_float_non_negative')
      table.check('counted_cash_cents IS NULL OR counted_cash_cents >= 0', [], 'register_sessions_count_non_negative')
      table.check(
        '(closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (counted_cash_cents IS NULL)',
        [],
        'register_sessions_closed_consistently'
      )
    })
    // At most one open session per register.
    this.schema.raw(
      'CREATE UNIQUE INDEX register_sessions_one_open ON register_sessions (register_id) WHERE closed_at IS NULL'
    )

    this.schema.createTable('sales', (table) => {
      table.bigIncrements('id')
      table.string('receipt_number', 32).notNullable().unique()
      table.integer('store_id').notNullable().references('id').inTable('stores').onDelete('RESTRICT')
      table.integer('register_id').notNullable().references('id').inTable('registers').onDelete('RESTRICT')
      table.integer('register_session_id').nullable().references('id').inTable('register_sessions').onDelete('RESTRICT')
      table.integer('clerk_id').nullable().references('id').inTable('users').onDelete('RESTRICT')
      table.string('status', 24).notNullable().defaultTo('completed')
      table.integer('subtotal_cents').notNullable()
      table.integer('tax_cents').notNullable()
      table.integer('total_cents').notNullable()
      table.integer('paid_cents').notNullable()
      table.integer('change_cents').notNullable().defaultTo(0)
      table.integer('refunded_cents').notNullable().defaultTo(0)
      table.string('idempotency_key', 100).nullable().unique()
      table.string('request_fingerprint', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check(
        "status IN ('completed', 'partially_returned', 'returned')",
        [],
        'sales_status_known'
      )
      table.check(
        'subtotal_cents >= 0 AND tax_cents >= 0 AND total_cents = subtotal_cents + tax_cents AND change_cents >= 0 AND paid_cents - change_cents = total_cents',
        [],
        'sales_amounts_consistent'
      )
      table.check('refunded_cents >= 0 AND refunded_cents <= total_cents', [], 'sales_refund_bounded')
      table.index(['store_id', 'created_at'])
      table.index(['register_id', 'created_at'])
      table.index(['created_at'])
    })

    this.schema.createTable('sale_lines', (table) => {
      table.bigIncrements('id')
      table.bigInteger('sale_id').notNullable().references('id').inTable('sales').onDelete('RESTRICT')
      table.integer('line_number').notNullable()
      table.integer('product_id').notNullable().references('id').inTable('products').onDelete('RESTRICT')
      table.integer('quantity').notNullable()
      table.integer('unit_price_cents').notNullable()
      table.integer('line_total_cents').notNullable()
      table.integer('returned_quantity').notNullable().defaultTo(0)
      table.unique(['sale_id', 'line_number'])
      table.index(['product_id'])
      table.check('quantity > 0', [], 'sale_lines_quantity_positive')
      table.check('unit_price_cents >= 0', [], 'sale_lines_price_non_negative')
      table.check('line_total_cents = quantity * unit_price_cents', [], 'sale_lines_total_exact')
      table.check('returned_quantity >= 0 AND returned_quantity <= quantity', [], 'sale_lines_return_bounded')
    })

    this.schema.createTable('sale_taxes', (table) => {
      table.bigIncrements('id')
      table.bigInteger('sale_id').notNullable().references('id').inTable('sales').onDelete('RESTRICT')
      table.string('code', 16).notNullable()
      table.string('label', 60).notNullable()
      table.integer('rate_ppm').notNullable()
      table.string('registration_number', 40).nullable()
      table.integer('base_cents').notNullable()
      table.integer('amount_cents').notNullable()
      table.unique(['sale_id', 'code'])
      table.check('amount_cents >= 0 AND base_cents >= 0', [], 'sale_taxes_non_negative')
    })

    this.schema.createTable('payments', (table) => {
      table.bigIncrements('id')
      table.bigInteger('sale_id').notNullable().references('id').inTable('sales').onDelete('RESTRICT')
      table.string('method', 16).notNullable()
      table.integer('amount_cents').notNullable()
      table.string('reference', 100).nullable()
      table.index(['sale_id'])
      table.check("method IN ('cash', 'card', 'other')", [], 'payments_method_known')
      table.check('amount_cents > 0', [], 'payments_amount_positive')
    })

    this.schema.createTable('returns', (table) => {
      table.bigIncrements('id')
      table.bigInteger('sale_id').notNullable().references('id').inTable('sales').onDelete('RESTRICT')
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('RESTRICT')
      // The drawer session the refund was paid from (cash reconciliation); null outside sessions.
      table.integer('register_session_id').nullable().references('id').inTable('register_sessions').onDelete('RESTRICT')
      table.string('reason', 500).notNullable()
      table.string('refund_method', 16).notNullable()
      table.integer('subtotal_cents').notNullable()
      table.integer('tax_cents').notNullable()
      table.integer('total_cents').notNullable()
      table.string('idempotency_key', 100).nullable().unique()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['sale_id'])
      table.index(['created_at'])
      table.check("refund_method IN ('cash', 'card', 'other', 'original')", [], 'returns_method_known')
      table.check(
        'subtotal_cents >= 0 AND tax_cents >= 0 AND total_cents = subtotal_cents + tax_cents',
        [],
        'returns_amounts_consistent'
      )
    })

    this.schema.createTable('return_lines', (table) => {
      table.bigIncrements('id')
      table.bigInteger('return_id').notNullable().references('id').inTable('returns').onDelete('RESTRICT')
      table.bigInteger('sale_line_id').notNullable().references('id').inTable('sale_lines').onDelete('RESTRICT')
      table.integer('quantity').notNullable()
      table.integer('subtotal_cents').notNullable()
      table.index(['return_id'])
      table.index(['sale_line_id'])
      table.check('quantity > 0', [], 'return_lines_quantity_positive')
      table.check('subtotal_cents >= 0', [], 'return_lines_amount_non_negative')
    })
  }

  async down() {
    this.schema.dropTable('return_lines')
    this.schema.dropTable('returns')
    this.schema.dropTable('payments')
    this.schema.dropTable('sale_taxes')
    this.schema.dropTable('sale_lines')
    this.schema.dropTable('sales')
    this.schema.dropTable('register_sessions')
  }
}
