import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import { paginate, resolveSort } from '#core/pagination'
import type { Principal } from '#access/principal'
import { levelsQuery } from '#inventory/queries/stock_queries'
import { scopedLocationFilter, type LocationFilter } from '#inventory/services/stock_locations'
import { stockStatusRankSql, stockStatusSql } from '#inventory/stock_status'
import { levelToWire } from '#inventory/transformers/stock_transformers'
import { alertSortColumns, alertsCountQuery, alertsQuery } from '#inventory/validators/stock_validators'

const STATUS = stockStatusSql('stock_levels.quantity', 'stock_levels.reorder_point')
const RANK = stockStatusRankSql('stock_levels.quantity', 'stock_levels.reorder_point')

/*
 * An alert is a level at or below its reorder point, store or warehouse.
 * Discontinued products are left out: nobody will reorder them.
 */
function alertLevels(location: LocationFilter) {
  return levelsQuery()
    .whereRaw('stock_levels.quantity <= stock_levels.reorder_point')
    .where('products.is_active', true)
    .if(location.storeId !== undefined, (q) => q.where('stock_locations.store_id', location.storeId!))
    .if(location.warehouse, (q) => q.where('stock_locations.kind', 'warehouse'))
}

/** Most severe first (rupture, critique, faible); ties in level order, so pages are stable. */
export async function alertPage(principal: Principal, filters: Infer<typeof alertsQuery>) {
  const query = alertLevels(scopedLocationFilter(principal, filters))
    .select(db.raw(`${RANK} AS status_rank`))
    .if(filters.statut, (q) => q.whereRaw(`${STATUS} = ?`, [filters.statut!]))
    .if(filters.produit_id, (q) => q.where('stock_levels.product_id', filters.produit_id!))
  const sort = resolveSort(filters.sort, alertSortColumns, { column: 'status_rank', direction: 'asc' })
  return paginate(query, { page: filters.page, size: filters.size, sort, tieBreaker: 'stock_levels.id' }, levelToWire)
}

export async function alertCounts(principal: Principal, filters: Infer<typeof alertsCountQuery>) {
  const row = await alertLevels(scopedLocationFilter(principal, filters))
    .clearSelect()
    .select(
      db.raw('count(*)::int AS total'),
      db.raw(`count(*) FILTER (WHERE ${STATUS} = 'rupture')::int AS ruptures`),
      db.raw(`count(*) FILTER (WHERE ${STATUS} = 'critique')::int AS critiques`),
      db.raw(`count(*) FILTER (WHERE ${STATUS} = 'faible')::int AS faibles`)
    )
    .pojo<{ total: number; ruptures: number; critiques: number; faibles: number }>()
    .firstOrFail()
  return { total: row.total, ruptures: row.ruptures, critiques: row.critiques, faibles: row.faibles }
}
