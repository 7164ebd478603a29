import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'

/** The register ids of a store, in register-number order. */
export async function registersOf(storeId: number): Promise<number[]> {
  const rows = await db.from('registers').where('store_id', storeId).orderBy('number').select('id')
  return rows.map((r) => r.id)
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
