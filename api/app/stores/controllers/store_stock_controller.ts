import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { validateQuery } from '#core/validation'
import { assertStoreAccess } from '#access/policies'
import StockLocation from '#inventory/models/stock_location'
import { inFlightRequests } from '#inventory/queries/in_flight_requests'
import Store from '#stores/models/store'
import { stockItemToWire } from '#stores/transformers/stock_transformer'
import { stockLevelsAt, storeStockSortColumns } from '#stores/queries/store_stock_query'
import { storeIdParams } from '#stores/validators/store_validators'
import { listStoreStockQuery } from '#stores/validators/store_stock_validators'

export default class StoreStockController {
  /** The README's /stores/{id}/stock; a clerk reads their own store's only. */
  async index(ctx: HttpContext) {
    const { id } = await storeIdParams.validate(ctx.params)
    assertStoreAccess(ctx.principal, id)
    const filters = await validateQuery(listStoreStockQuery, ctx)
    if (!(await Store.find(id))) throw ApiError.notFound('Store', id)
    const location = await StockLocation.findBy('storeId', id)
    const page = filters.page ?? 1
    const size = filters.size ?? 20
    if (!location) return { total: 0, page, size, items: [] }
    const sort = resolveSort(filters.sort, storeStockSortColumns, { column: 'products.code', direction: 'asc' })
    const levels = await paginate(stockLevelsAt(location.id, filters), { page, size, sort, tieBreaker: 'stock_levels.product_id' }, (level) => level)
    // One more query for the whole page, never one per line.
    const inFlight = await inFlightRequests(id, levels.items.map((level) => level.productId))
    return { ...levels, items: levels.items.map((level) => stockItemToWire(level, inFlight.get(level.productId) ?? null)) }
  }
}
