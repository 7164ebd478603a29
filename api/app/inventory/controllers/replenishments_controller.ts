import type { HttpContext } from '@adonisjs/core/http'
import { created as respondCreated } from '#core/created'
import { validateKeyedBody } from '#core/idempotency'
import { validateBody, validateQuery } from '#core/validation'
import { idParams } from '#inventory/validators/common'
import {
  approveReplenishmentBody,
  changeReplenishmentQuantityBody,
  createReplenishmentBody,
  listReplenishmentsQuery,
  noFieldsBody,
  rejectReplenishmentBody,
  suggestionsQuery,
} from '#inventory/validators/replenishment_validators'
import { replenishmentById, replenishmentPage } from '#inventory/queries/replenishment_list'
import { replenishmentSuggestions } from '#inventory/queries/replenishment_suggestions'
import CreateReplenishment from '#inventory/actions/create_replenishment'
import ApproveReplenishment from '#inventory/actions/approve_replenishment'
import ShipReplenishment from '#inventory/actions/ship_replenishment'
import ReceiveReplenishment from '#inventory/actions/receive_replenishment'
import RejectReplenishment from '#inventory/actions/reject_replenishment'
import CancelReplenishment from '#inventory/actions/cancel_replenishment'
import ChangeReplenishmentQuantity from '#inventory/actions/change_replenishment_quantity'

/** Store ← warehouse requests and their state machine (see replenishment_state.ts). */
export default class ReplenishmentsController {
  async index(ctx: HttpContext) {
    return replenishmentPage(ctx.principal, await validateQuery(listReplenishmentsQuery, ctx))
  }

  async suggestions(ctx: HttpContext) {
    return replenishmentSuggestions(ctx.principal, await validateQuery(suggestionsQuery, ctx))
  }

  async show(ctx: HttpContext) {
    const { id } = await idParams.validate(ctx.params)
    return replenishmentById(ctx.principal, id)
  }

  async store(ctx: HttpContext) {
    const { body: input, key } = await validateKeyedBody(createReplenishmentBody, ctx)
    const created = await CreateReplenishment.handle(ctx.principal, input, key)
    if (created.replayed) {
      ctx.response.header('Idempotent-Replayed', 'true')
      return created.request
    }
    return respondCreated(ctx, `/replenishments/${created.request.id}`, created.request)
  }

  /** PATCH: the quantity of a request still pending (the only field that may change). */
  async update(ctx: HttpContext) {
    const { id } = await idParams.validate(ctx.params)
    const { quantite } = await validateBody(changeReplenishmentQuantityBody, ctx)
    return ChangeReplenishmentQuantity.handle(ctx.principal, id, quantite)
  }

  async approve(ctx: HttpContext) {
    const { id } = await idParams.validate(ctx.params)
    const { quantite } = await validateBody(approveReplenishmentBody, ctx)
    return ApproveReplenishment.handle(ctx.principal, id, quantite)
  }

  async ship(ctx: HttpContext) {
    const { id } = await this.idWithoutBody(ctx)
    return ShipReplenishment.handle(ctx.principal, id)
  }

  async receive(ctx: HttpContext) {
    const { id } = await this.idWithoutBody(ctx)
    return ReceiveReplenishment.handle(ctx.principal, id)
  }

  async reject(ctx: HttpContext) {
    const { id } = await idParams.validate(ctx.params)
    const { motif } = await validateBody(rejectReplenishmentBody, ctx)
    return RejectReplenishment.handle(ctx.principal, id, motif)
  }

  async cancel(ctx: HttpContext) {
    const { id } = await this.idWithoutBody(ctx)
    return CancelReplenishment.handle(ctx.principal, id)
  }

  /** Transitions take no body; a field sent anyway is a 422, not silently ignored. */
  private async idWithoutBody(ctx: HttpContext) {
    const params = await idParams.validate(ctx.params)
    await validateBody(noFieldsBody, ctx)
    return params
  }
}
