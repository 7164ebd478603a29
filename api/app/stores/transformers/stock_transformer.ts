import { centsToWire } from '#core/money'
import type StockLevel from '#inventory/models/stock_level'
import type { InFlightRequestWire } from '#inventory/queries/in_flight_requests'
import { statusOfRank, type StockStatus } from '#stores/queries/store_stock_query'

export interface StoreStockItemWire {
  produit_id: number
  code: string
  nom: string
  prix: string
  actif: boolean
  quantite: number
  seuil_reappro: number
  statut: StockStatus
  demande_en_cours: InFlightRequestWire | null
}

/**
 * A row of stockLevelsAt(): the level with its product's code, name and price,
 * and the replenishment request in flight for it (looked up once per page).
 */
export function stockItemToWire(level: StockLevel, inFlight: InFlightRequestWire | null = null): StoreStockItemWire {
  return {
    produit_id: level.productId,
    code: level.$extras.code,
    nom: level.$extras.name,
    prix: centsToWire(Number(level.$extras.price_cents)),
    actif: Boolean(level.$extras.is_active),
    quantite: level.quantity,
    seuil_reappro: level.reorderPoint,
    statut: statusOfRank(Number(level.$extras.status_rank)),
    demande_en_cours: inFlight,
  }
}
