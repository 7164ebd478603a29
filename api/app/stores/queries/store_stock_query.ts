import db from '@adonisjs/lucid/services/db'
import { containsAnyOf } from '#core/search_pattern'
import StockLevel from '#inventory/models/stock_level'
import { STOCK_STATUSES, stockStatusRankSql, type StockStatus } from '#inventory/stock_status'

export { STOCK_STATUSES, type StockStatus }

/*
 * The status comes from each level's own reorder point (the original
 * hard-coded 5 and 20 for every product), by the inventory module's one
 * definition; as a SQL rank so the list can be filtered and sorted by it.
 */
const STATUS_RANK_SQL = stockStatusRankSql('stock_levels.quantity', 'stock_levels.reorder_point')

export const storeStockSortColumns: Record<string, string> = {
  produit_id: 'stock_levels.product_id',
  code: 'products.code',
  nom: 'products.name',
  quantite: 'stock_levels.quantity',
  statut: 'status_rank',
}

/** Rank 0..3 as computed by STATUS_RANK_SQL, back to its label. */
export function statusOfRank(rank: number): StockStatus {
  return STOCK_STATUSES[rank]
}

/** The stock levels of one location with their product and status rank in `$extras`. */
export function stockLevelsAt(
  locationId: number,
  filters: { search?: string; statut?: StockStatus; categorie_id?: number; actif?: boolean }
) {
  return StockLevel.query()
    .join('products', 'products.id', 'stock_levels.product_id')
    .where('stock_levels.location_id', locationId)
    .select('stock_levels.*', 'products.code', 'products.name', 'products.price_cents', 'products.is_active')
    .select(db.raw(`${STATUS_RANK_SQL} AS status_rank`))
    .if(filters.search, (q) =>
      q.where((w) =>
        w
          .whereRaw(...containsAnyOf(['products.name', 'products.code'], filters.search!))
          .orWhere('products.barcode', filters.search!)
      )
    )
    .if(filters.statut, (q) => q.whereRaw(`${STATUS_RANK_SQL} = ?`, [STOCK_STATUSES.indexOf(filters.statut!)]))
    .if(filters.categorie_id, (q) => q.where('products.category_id', filters.categorie_id!))
    .if(filters.actif !== undefined, (q) => q.where('products.is_active', filters.actif!))
}
