import type { HttpContext } from '@adonisjs/core/http'
import { validateKeyedBody } from '#core/idempotency'
import { validateBody } from '#core/validation'
import AdjustStock from '#inventory/actions/adjust_stock'
import SetReorderPoint from '#inventory/actions/set_reorder_point'
import ReceiveWarehouseGoods from '#inventory/actions/receive_warehouse_goods'
import { adjustmentBody, receiptBody, reorderPointBody } from '#inventory/validators/stock_validators'

/** Manager-side stock writes: adjustments, reorder points, goods in at the warehouse. */
export default class StockWritesController {
  async adjust(ctx: HttpContext) {
    const { body: input, key } = await validateKeyedBody(adjustmentBody, ctx)
    const { movement, replayed } = await AdjustStock.handle(ctx.principal, input, key)
    if (replayed) ctx.response.header('Idempotent-Replayed', 'true')
    // A count equal to the level records nothing: 204, not an empty movement.
    if (movement === null) return ctx.response.noContent()
    return replayed ? movement : ctx.response.created(movement)
  }

  async setReorderPoint(ctx: HttpContext) {
    return SetReorderPoint.handle(ctx.principal, await validateBody(reorderPointBody, ctx))
  }

  async receive(ctx: HttpContext) {
    const { body: input, key } = await validateKeyedBody(receiptBody, ctx)
    const { receipt, replayed } = await ReceiveWarehouseGoods.handle(ctx.principal, input, key)
    if (replayed) ctx.response.header('Idempotent-Replayed', 'true')
    return replayed ? receipt : ctx.response.created(receipt)
  }
}
