import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Gets a database ready for load tests: every stock level topped up to at
 * least --stock units (through the ledger, as adjustments) and a drawer
 * session open on every active register, so checkout scenarios measure
 * selling rather than running out of stock after a second.
 */
export default class BenchPrepare extends BaseCommand {
  static commandName = 'bench:prepare'
  static description = 'Top up stock and open every register for load tests'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Minimum quantity of every stock level', default: 1_000_000 })
  declare stock: number

  @flags.boolean({ description: 'Print the open registers as JSON on the last line (for scripts/bench.mjs)' })
  declare json: boolean

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { applyStockChanges } = await import('#inventory/services/stock_ledger')

    const opener = await db.from('users').whereIn('role', ['manager', 'admin']).where('is_active', true).orderBy('id').first()
    if (!opener) {
      this.logger.error('No active manager or admin to open the registers; run `node ace db:seed` first')
      this.exitCode = 1
      return
    }

    const levels = await db.from('stock_levels').where('quantity', '<', this.stock).select('location_id', 'product_id', 'quantity')
    const byLocation = new Map<number, { productId: number; delta: number }[]>()
    for (const level of levels) {
      const list = byLocation.get(level.location_id) ?? []
      list.push({ productId: level.product_id, delta: this.stock - level.quantity })
      byLocation.set(level.location_id, list)
    }
    await db.transaction(async (trx) => {
      for (const [locationId, changes] of byLocation) {
        await applyStockChanges(trx, locationId, changes, { kind: 'adjustment', reason: 'bench:prepare top-up' })
      }
      await trx.rawQuery(
        `INSERT INTO register_sessions (register_id, opened_by, opening_float_cents)
         SELECT r.id, ?, 0 FROM registers r
          WHERE r.is_active AND NOT EXISTS (
            SELECT 1 FROM register_sessions s WHERE s.register_id = r.id AND s.closed_at IS NULL)`,
        [opener.id]
      )
    })
    const open = await db
      .from('register_sessions')
      .join('registers', 'registers.id', 'register_sessions.register_id')
      .whereNull('register_sessions.closed_at')
      .orderBy('registers.id')
      .select('registers.id', 'registers.store_id')
    this.logger.success(`${levels.length} stock levels topped up to ${this.stock}; ${open.length} registers open`)
    if (this.json) console.log(JSON.stringify({ registers: open.map((r) => ({ id: r.id, storeId: r.store_id })) }))
  }
}
