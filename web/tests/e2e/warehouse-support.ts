// What the two warehouse suites share: the shapes they read from the API,
// numbers as the pages write them, and the product each creates for itself.
// One product per file and run: the files may run side by side, and both
// modes (and reruns) share one database, so no suite sees another's requests.
import assert from 'node:assert/strict'

import type { ApiCall } from './support.ts'

export const MANAGER_NAME = 'Gérant du siège'

export interface Request {
  id: number
  statut: string
  magasin_id: number
}

export interface Movement {
  type: string
  quantite: number
  motif: string | null
  reference: { type: string; id: number | null } | null
}

/** "1 234" as the pages write numbers (fr-CA, no-break spaces normalised by textOf). */
export const n = (value: number) => new Intl.NumberFormat('fr-CA').format(value).replace(/[\u00a0\u202f]/g, ' ')

/** A new product, in no stock anywhere yet: its id. */
export async function newStockProduct(api: ApiCall, code: string, name: string): Promise<number> {
  const categories = await api<{ items: { id: number }[] }>('GET', '/categories?size=1')
  const created = await api<{ id: number }>('POST', '/products', {
    code,
    nom: name,
    prix: '3.25',
    categorie_id: categories.body.items[0]?.id,
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  return created.body.id
}

/** The product's ledger as the API writes it (the pages are checked against it). */
export async function ledgerOf(api: ApiCall, productId: number, where: string): Promise<Movement[]> {
  const page = await api<{ items: Movement[] }>('GET', `/stock/movements?${where}&produit_id=${productId}&size=100`)
  assert.equal(page.status, 200)
  return page.body.items
}
