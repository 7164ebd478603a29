import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { signedIn } from '#tests/helpers/actors'

/** The register ids of a store, in register-number order. */
export async function registersOf(storeId: number): Promise<number[]> {
  const rows = await db.from('registers').where('store_id', storeId).orderBy('number').select('id')
  return rows.map((r) => r.id)
}

/** A clerk of the store, signed in, and the id of its register at `index` (in number order, from 0). */
export async function clerkAtRegister(storeId: number, index: number) {
  return { clerk: await signedIn('clerk', storeId), registerId: (await registersOf(storeId))[index] }
}

/**
 * Three seeded products: ALI001 × 2 at 1.20, BOI002 × 1 at 1.90, ALI005 × 3
 * at 0.95. 7.15 before tax; TPS 0.36 and TVQ 0.71 make 8.22.
 */
export const THREE_LINE_BASKET = [
  { code: 'ALI001', quantite: 2 },
  { code: 'BOI002', quantite: 1 },
  { code: 'ALI005', quantite: 3 },
]

/** That basket paid 5.00 by card and 10 in cash (1.80 back). */
export const SPLIT_PAID_BASKET = {
  lignes: THREE_LINE_BASKET,
  paiements: [
    { mode: 'carte', montant: '5.00' },
    { mode: 'especes', montant: 10 },
  ],
}

export async function productId(code: string): Promise<number> {
  const row = await db.from('products').where('code', code).firstOrFail()
  return row.id
}

export async function storeQuantity(storeId: number, code: string): Promise<number> {
  const row = await db
    .from('stock_levels')
    .join('stock_locations', 'stock_locations.id', 'stock_levels.location_id')
    .join('products', 'products.id', 'stock_levels.product_id')
    .where('stock_locations.store_id', storeId)
    .where('products.code', code)
    .select('stock_levels.quantity')
    .firstOrFail()
  return row.quantity
}

/** Opens the drawer of a register through the API (201 expected). */
export async function openRegister(client: ApiClient, token: string, registerId: number, float = '100.00') {
  const response = await client
    .post(`/api/v1/registers/${registerId}/sessions`)
    .header('authorization', `Bearer ${token}`)
    .json({ fond_de_caisse: float })
  response.assertStatus(201)
  return response.body().id as number
}

/** The three-line basket sold by a signed-in clerk, 10.00 paid in cash (8.22 due): the sale's body. */
export async function sellBasket(client: ApiClient, token: string, registerId: number) {
  const response = await client
    .post('/api/v1/sales')
    .header('authorization', `Bearer ${token}`)
    .json({ caisse_id: registerId, lignes: THREE_LINE_BASKET, paiements: [{ mode: 'especes', montant: '10.00' }] })
  response.assertStatus(201)
  return response.body()
}

/**
 * The open session of a register with its X report, as a manager reads it: a clerk counts the
 * drawer blind and gets its counts only (ADR 0026).
 */
export async function managerXReport(client: ApiClient, registerId: number) {
  const manager = await signedIn('manager')
  return client.get(`/api/v1/registers/${registerId}/sessions/current`).header('authorization', `Bearer ${manager.token}`)
}
