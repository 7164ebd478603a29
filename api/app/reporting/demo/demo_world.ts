import type { TaxRate } from '#sales/taxes'
import type { StoreProfile } from '#reporting/demo/profiles'

/*
 * What the simulator needs to know about the chain, already resolved from
 * the database (or built by hand in a test): stores with their registers,
 * taxes and clerk, the catalog, the stock cells and who signs off on what.
 */

export interface DemoRegister {
  id: number
  number: number
}

export interface DemoStore {
  id: number
  name: string
  /** Index of the store's location in `DemoWorld.locationIds` and in the stock book. */
  location: number
  registers: DemoRegister[]
  taxRates: TaxRate[]
  /** Sells, takes returns, requests and receives replenishments. */
  clerkId: number
  profile: StoreProfile
}

export interface DemoProduct {
  id: number
  code: string
  priceCents: number
  /** Relative popularity. */
  weight: number
}

export interface OpeningLevel {
  location: number
  product: number
  quantity: number
  reorderPoint: number
}

export interface DemoWorld {
  stores: DemoStore[]
  products: DemoProduct[]
  /** stock_locations ids by location index; stores' locations and the warehouse. */
  locationIds: number[]
  warehouse: number
  openingLevels: OpeningLevel[]
  /** Approves replenishment requests. */
  managerId: number
  /** Ships replenishments and books supplier deliveries at the warehouse. */
  warehouseUserId: number
}
