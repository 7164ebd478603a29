/*
 * A small chain built by hand, and a sink that keeps every row, so the
 * simulator can be exercised without a database.
 */
import type { DemoWorld } from '#reporting/demo/demo_world'
import { HISTORY_TABLES, type HistoryRows, type HistorySink, type HistoryTable } from '#reporting/demo/history_rows'
import { storeProfileFor } from '#reporting/demo/profiles'
import { idCountersFrom } from '#reporting/demo/simulation_context'
import type { HistorySimulator } from '#reporting/demo/history_simulator'

export const QUEBEC_TAXES = [
  { code: 'TPS', label: 'TPS (5 %)', ratePpm: 50_000, registrationNumber: '123456789 RT0001' },
  { code: 'TVQ', label: 'TVQ (9,975 %)', ratePpm: 99_750, registrationNumber: '1234567890 TQ0001' },
]

/**
 * Two stores (a busy downtown one, a small express one), four products, a
 * warehouse. Location indexes: 0 and 1 the stores, 2 the warehouse.
 */
export function smallWorld(options: { storeStock?: number; warehouseStock?: number } = {}): DemoWorld {
  const storeStock = options.storeStock ?? 40
  const warehouseStock = options.warehouseStock ?? 800
  const products = [
    { id: 11, code: 'ALI001', priceCents: 120, weight: 18 },
    { id: 12, code: 'ALI002', priceCents: 110, weight: 16 },
    { id: 13, code: 'HYG001', priceCents: 350, weight: 3 },
    { id: 14, code: 'MEN002', priceCents: 320, weight: 3 },
  ]
  const openingLevels = [0, 1, 2].flatMap((location) =>
    products.map((_, product) => ({
      location,
      product,
      quantity: location === 2 ? warehouseStock : storeStock,
      reorderPoint: location === 2 ? 100 : 10,
    }))
  )
  return {
    stores: [
      {
        id: 1,
        name: 'Magasin Centre-Ville',
        location: 0,
        registers: [
          { id: 101, number: 1 },
          { id: 102, number: 2 },
          { id: 103, number: 3 },
        ],
        taxRates: QUEBEC_TAXES,
        clerkId: 3,
        profile: storeProfileFor('Magasin Centre-Ville'),
      },
      {
        id: 5,
        name: 'Magasin Express',
        location: 1,
        registers: [{ id: 501, number: 1 }],
        taxRates: QUEBEC_TAXES,
        clerkId: 7,
        profile: storeProfileFor('Magasin Express'),
      },
    ],
    products,
    locationIds: [1001, 1005, 1999],
    warehouse: 2,
    openingLevels,
    managerId: 2,
    warehouseUserId: 1,
  }
}

export function freshIds() {
  return idCountersFrom({ sale: 1, saleLine: 1, saleReturn: 1, session: 1, replenishment: 1 })
}

/** Keeps every row, by table, for the tests to inspect. */
export class CollectingSink implements HistorySink {
  readonly rows = Object.fromEntries(HISTORY_TABLES.map((table) => [table, []])) as unknown as { [T in HistoryTable]: HistoryRows[T][] }

  write<T extends HistoryTable>(table: T, row: HistoryRows[T]) {
    this.rows[table].push(row)
  }
}

/** Σ of `value` per key. */
export function sumBy<T, K extends string | number>(rows: T[], key: (row: T) => K, value: (row: T) => number) {
  const sums = new Map<K, number>()
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row))
  return sums
}

/** Plays every day of the period. */
export function playAll(simulator: HistorySimulator) {
  let more = true
  while (more) more = simulator.simulateNextDay()
}
