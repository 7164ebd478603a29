import { centsToWire } from '#core/money'
import type StockLevel from '#inventory/models/stock_level'
import { statusOfRank, type StockStatus } from '#stores/queries/store_stock_query'

export interface StoreStockItemWire {
  produit_id: number
  code: string
  nom: string
  prix: string
  quantite: number
  seuil_reappro: number
  statut: StockStatus
}

/** A row of stockLevelsAt(): the level with its product's code, name and price. */
export function stockItemToWire(level: StockLevel): StoreStockItemWire {
  return {
    produit_id: level.productId,
    code: level.$extras.code,
    nom: level.$extras.name,
    prix: centsToWire(Number(level.$extras.price_cents)),
    quantite: level.quantity,
    seuil_reappro: level.reorderPoint,
    statut: statusOfRank(Number(level.$extras.status_rank)),
  }
}
