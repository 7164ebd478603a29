import type pg from 'pg'
import type { DemoWorld, DemoStore, OpeningLevel } from '#reporting/demo/demo_world'
import { DEFAULT_PRODUCT_WEIGHT, PRODUCT_WEIGHTS, storeProfileFor } from '#reporting/demo/profiles'

interface UserRow {
  id: number
  role: 'clerk' | 'manager' | 'admin'
  store_id: number | null
}

/**
 * Reads the chain as it is now — stores, active registers, taxes, active
 * products, stock cells and users — into the simulator's terms. Run inside
 * the generator's transaction, after the locks, so the levels it starts
 * from are the ones it will overwrite.
 */
export async function loadWorld(client: pg.ClientBase): Promise<DemoWorld> {
  const rows = async <T>(sql: string) => (await client.query(sql)).rows as T[]
  const stores = await rows<{ id: number; name: string }>('SELECT id, name FROM stores ORDER BY id')
  const registers = await rows<{ id: number; store_id: number; number: number }>(
    'SELECT id, store_id, number FROM registers WHERE is_active ORDER BY store_id, number'
  )
  const taxes = await rows<{ store_id: number; code: string; label: string; rate_ppm: number; registration_number: string | null }>(
    'SELECT store_id, code, label, rate_ppm, registration_number FROM store_tax_rates ORDER BY store_id, position, code'
  )
  const products = await rows<{ id: number; code: string; price_cents: number }>(
    'SELECT id, code, price_cents FROM products WHERE is_active ORDER BY id'
  )
  const locations = await rows<{ id: number; kind: string; store_id: number | null }>(
    'SELECT id, kind, store_id FROM stock_locations ORDER BY id'
  )
  const levels = await rows<{ location_id: number; product_id: number; quantity: number; reorder_point: number }>(
    'SELECT location_id, product_id, quantity, reorder_point FROM stock_levels'
  )
  const users = await rows<UserRow>('SELECT id, role, store_id FROM users WHERE is_active ORDER BY id')

  const firstWith = (role: UserRow['role']) => users.find((user) => user.role === role)?.id
  const managerId = firstWith('manager') ?? firstWith('admin')
  const warehouseUserId = firstWith('admin') ?? managerId
  if (managerId === undefined || warehouseUserId === undefined) {
    throw new Error('No manager or admin user to sign the history: run `node ace db:seed` first')
  }

  const warehouseRow = locations.find((location) => location.kind === 'warehouse')
  if (!warehouseRow) throw new Error('No warehouse stock location: run `node ace db:seed` first')

  const demoStores: DemoStore[] = []
  const locationIds: number[] = []
  for (const store of stores) {
    const location = locations.find((l) => l.kind === 'store' && Number(l.store_id) === Number(store.id))
    if (!location) continue // a store without a stock location sells nothing
    locationIds.push(Number(location.id))
    demoStores.push({
      id: Number(store.id),
      name: store.name,
      location: locationIds.length - 1,
      registers: registers
        .filter((r) => Number(r.store_id) === Number(store.id))
        .map((r) => ({ id: Number(r.id), number: Number(r.number) })),
      taxRates: taxes
        .filter((tax) => Number(tax.store_id) === Number(store.id))
        .map((tax) => ({ code: tax.code, label: tax.label, ratePpm: Number(tax.rate_ppm), registrationNumber: tax.registration_number })),
      clerkId: users.find((u) => u.role === 'clerk' && Number(u.store_id) === Number(store.id))?.id ?? managerId,
      profile: storeProfileFor(store.name),
    })
  }
  locationIds.push(Number(warehouseRow.id))
  const warehouse = locationIds.length - 1

  const locationIndex = new Map(locationIds.map((id, index) => [id, index]))
  const productIndex = new Map(products.map((product, index) => [Number(product.id), index]))
  const openingLevels: OpeningLevel[] = []
  for (const level of levels) {
    const location = locationIndex.get(Number(level.location_id))
    const product = productIndex.get(Number(level.product_id))
    if (location === undefined || product === undefined) continue
    openingLevels.push({ location, product, quantity: Number(level.quantity), reorderPoint: Number(level.reorder_point) })
  }

  return {
    stores: demoStores,
    products: products.map((product) => ({
      id: Number(product.id),
      code: product.code,
      priceCents: Number(product.price_cents),
      weight: PRODUCT_WEIGHTS[product.code] ?? DEFAULT_PRODUCT_WEIGHT,
    })),
    locationIds,
    warehouse,
    openingLevels,
    managerId: Number(managerId),
    warehouseUserId: Number(warehouseUserId),
  }
}
