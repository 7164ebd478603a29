import type { HttpContext } from '@adonisjs/core/http'
import { validateQuery } from '#core/validation'
import { warehouseStockPage } from '#inventory/queries/warehouse_stock'
import { movementPage } from '#inventory/queries/movement_list'
import { alertCounts, alertPage } from '#inventory/queries/alert_queries'
import {
  alertsCountQuery,
  alertsQuery,
  movementsQuery,
  warehouseStockQuery,
} from '#inventory/validators/stock_validators'

/** Read side of the inventory: warehouse levels, the ledger, alerts. */
export default class StockController {
  async warehouse(ctx: HttpContext) {
    return warehouseStockPage(await validateQuery(warehouseStockQuery, ctx))
  }

  async movements(ctx: HttpContext) {
    return movementPage(ctx.principal, await validateQuery(movementsQuery, ctx))
  }

  async alerts(ctx: HttpContext) {
    return alertPage(ctx.principal, await validateQuery(alertsQuery, ctx))
  }

  async alertCount(ctx: HttpContext) {
    return alertCounts(ctx.principal, await validateQuery(alertsCountQuery, ctx))
  }
}
