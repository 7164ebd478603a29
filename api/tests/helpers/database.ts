import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import { applyStockChanges } from '#inventory/services/stock_ledger'

/**
 * For tests that must commit (concurrency, generators): empties every table
 * and puts the reference data back, so later tests start from the seed.
 * TRUNCATE is used because the ledger refuses DELETE.
 */
export async function resetDatabase() {
  const tables = await db.rawQuery<{ rows: { tablename: string }[] }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'adonis_schema%'"
  )
  const names = tables.rows.map((t) => `"${t.tablename}"`).join(', ')
  await db.rawQuery(`TRUNCATE ${names} RESTART IDENTITY CASCADE`)
  const command = await ace.exec('db:seed', ['--files', 'database/seeders/01_reference_data_seeder.ts'])
  if (command.exitCode !== 0) throw command.error ?? new Error('reference seed failed')
}

export async function locationOfStore(storeId: number): Promise<number> {
  const row = await db.from('stock_locations').where('store_id', storeId).firstOrFail()
  return row.id
}

export async function warehouseLocation(): Promise<number> {
  const row = await db.from('stock_locations').where('kind', 'warehouse').firstOrFail()
  return row.id
}

/** Σ ledger deltas vs the level, for one (location, product). */
export async function ledgerAndLevel(locationId: number, productId: number) {
  const ledger = await db
    .from('stock_movements')
    .where({ location_id: locationId, product_id: productId })
    .sum('quantity_delta as total')
    .first()
  const level = await db.from('stock_levels').where({ location_id: locationId, product_id: productId }).first()
  return { ledger: Number(ledger?.total ?? 0), level: Number(level?.quantity ?? 0) }
}

/** Brings a level to an exact quantity through the ledger (committed). */
export async function setLevel(locationId: number, productId: number, quantity: number) {
  await db.transaction(async (trx) => {
    const level = await trx.from('stock_levels').where({ location_id: locationId, product_id: productId }).firstOrFail()
    const delta = quantity - level.quantity
    if (delta !== 0) {
      await applyStockChanges(trx, locationId, [{ productId, delta }], { kind: 'adjustment', reason: 'test setup' })
    }
  })
}
