import { centsToWire } from '#core/money'
import type Product from '#catalog/models/product'

/** The original API's product shape: French field names, price as a decimal string. */
export interface ProductWire {
  id: number
  code: string
  nom: string
  description: string | null
  prix: string
  quantite_stock: number
  categorie_id: number
  code_barre: string | null
  actif: boolean
}

/**
 * `quantite_stock` is the central warehouse's on-hand quantity (the
 * original's "global stock" column was never updated; see docs/api.md).
 */
export function productToWire(product: Product): ProductWire {
  return {
    id: product.id,
    code: product.code,
    nom: product.name,
    description: product.description,
    prix: centsToWire(product.priceCents),
    quantite_stock: Number(product.$extras.warehouse_quantity ?? 0),
    categorie_id: product.categoryId,
    code_barre: product.barcode,
    actif: product.isActive,
  }
}
