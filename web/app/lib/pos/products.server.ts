// Product names and prices for the cart, from the API. A short cache keeps a
// busy register from asking for the same products on every scan. A product
// edited through this server's pages is forgotten at once (catalog/
// products.server.ts); one changed elsewhere (the API, another web instance)
// shows within a minute, and the sale itself always uses the API's price.
import { ok, type ApiClient } from '../api/client.server.ts'
import { centsFromWire } from '../money.ts'

export interface CatalogProduct {
  id: number
  code: string
  name: string
  unitPriceCents: number
  active: boolean
}

const TTL_MS = 60 * 1000
const MAX_ENTRIES = 5000
const cache = new Map<number, { product: CatalogProduct | null; at: number }>()

async function fetchProduct(api: ApiClient, id: number): Promise<CatalogProduct | null> {
  const result = await api.GET('/api/v1/products/{id}', { params: { path: { id } } })
  if (result.response.status === 404) return null
  const product = await ok(Promise.resolve(result))
  return { id: product.id, code: product.code, name: product.nom, unitPriceCents: centsFromWire(product.prix), active: product.actif }
}

/** The products, in the order asked; a product that no longer exists is null. */
export async function productsById(api: ApiClient, ids: readonly number[]): Promise<(CatalogProduct | null)[]> {
  const now = Date.now()
  return Promise.all(
    ids.map(async (id) => {
      const cached = cache.get(id)
      if (cached && now - cached.at < TTL_MS) return cached.product
      const product = await fetchProduct(api, id)
      if (cache.size >= MAX_ENTRIES) cache.clear()
      cache.set(id, { product, at: now })
      return product
    })
  )
}

/** Forgets cached products: after a product edit, or a sale refused on a price or a product the cache still shows. */
export function forgetProducts(ids: readonly number[]): void {
  for (const id of ids) cache.delete(id)
}
