import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { paginate, resolveSort } from '#core/pagination'
import { containsAnyOf } from '#core/search_pattern'
import Product from '#catalog/models/product'
import { stockStatus, stockStatusRankSql, stockStatusSql, type StockStatus } from '#inventory/stock_status'
import { warehouseLocation } from '#inventory/services/stock_locations'
import { warehouseStockQuery, warehouseStockSortColumns } from '#inventory/validators/stock_validators'

export interface WarehouseStockWire {
  produit_id: number
  code: string
  nom: string
  quantite: number
  seuil_reappro: number
  statut: StockStatus
}

const QUANTITY = 'COALESCE(stock_levels.quantity, 0)'
const REORDER_POINT = 'COALESCE(stock_levels.reorder_point, 0)'

/**
 * The central warehouse, one row per product: every active product (a
 * product never received there shows 0, "rupture", like the original's
 * page) plus inactive ones that still have a level there.
 */
export async function warehouseStockPage(filters: Infer<typeof warehouseStockQuery>) {
  const warehouse = await warehouseLocation(db.connection())
  const query = Product.query()
    .leftJoin('stock_levels', (join) =>
      join.on('stock_levels.product_id', 'products.id').andOnVal('stock_levels.location_id', warehouse.id)
    )
    .where((w) => w.where('products.is_active', true).orWhereNotNull('stock_levels.id'))
    .select('products.id', 'products.code', 'products.name')
    .select(
      db.raw(`${QUANTITY} AS wh_quantity`),
      db.raw(`${REORDER_POINT} AS wh_reorder_point`),
      db.raw(`${stockStatusRankSql(QUANTITY, REORDER_POINT)} AS status_rank`)
    )
    .if(filters.search, (q) =>
      q.whereRaw(...containsAnyOf(['products.name', 'products.code'], filters.search!))
    )
    .if(filters.categorie_id, (q) => q.where('products.category_id', filters.categorie_id!))
    .if(filters.statut, (q) => q.whereRaw(`${stockStatusSql(QUANTITY, REORDER_POINT)} = ?`, [filters.statut!]))
  const sort = resolveSort(filters.sort, warehouseStockSortColumns, { column: 'products.id', direction: 'asc' })
  return paginate(
    query,
    { page: filters.page, size: filters.size, sort, tieBreaker: 'products.id' },
    (product): WarehouseStockWire => {
      const quantity = Number(product.$extras.wh_quantity)
      const reorderPoint = Number(product.$extras.wh_reorder_point)
      return {
        produit_id: product.id,
        code: product.code,
        nom: product.name,
        quantite: quantity,
        seuil_reappro: reorderPoint,
        statut: stockStatus(quantity, reorderPoint),
      }
    }
  )
}
