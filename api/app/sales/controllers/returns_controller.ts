import type { HttpContext } from '@adonisjs/core/http'
import { created } from '#core/created'
import { validateKeyedBody } from '#core/idempotency'
import { createReturn } from '#sales/actions/create_return'
import { loadReturnWire } from '#sales/queries/return_detail'
import { cancelSaleBody, createReturnBody, listReturnsQuery, returnIdParams } from '#sales/validators/return_validators'
import { saleIdParams } from '#sales/validators/sale_validators'
import { ApiError } from '#core/api_error'
import { assertStoreAccess, canAccessStore, storeScope } from '#access/policies'
import { validateQuery } from '#core/validation'
import { paginate } from '#core/pagination'
import { listReturns, returnListItem } from '#sales/queries/return_list'
import db from '@adonisjs/lucid/services/db'
import { recordBusinessEvent } from '#core/business_events'
import { wireToCents } from '#core/money'

async function answer(ctx: HttpContext, result: { returnId: number; replayed: boolean }) {
  const wire = await loadReturnWire(result.returnId)
  if (result.replayed) {
    ctx.response.header('Idempotent-Replayed', 'true')
  } else {
    const sale = await db.from('sales').where('id', wire.vente_id).select('store_id').firstOrFail()
    recordBusinessEvent({
      type: 'return',
      returnId: wire.id,
      saleId: wire.vente_id,
      storeId: sale.store_id,
      totalCents: wireToCents(wire.total) ?? 0,
      requestId: ctx.request.id(),
    })
  }
  return result.replayed ? wire : created(ctx, `/returns/${wire.id}`, wire)
}

export default class ReturnsController {
  /** The returns journal, newest first: who took what back, when, why; a clerk sees their store's. */
  async index(ctx: HttpContext) {
    const filters = await validateQuery(listReturnsQuery, ctx)
    if (filters.magasin_id !== undefined) assertStoreAccess(ctx.principal, filters.magasin_id)
    const storeId = filters.magasin_id ?? storeScope(ctx.principal) ?? undefined
    const query = listReturns({ ...filters, storeId })
    return paginate(query, { page: filters.page, size: filters.size, sort: { column: 'returns.created_at', direction: 'desc' }, tieBreaker: 'returns.id' }, returnListItem)
  }

  /** Partial or full return of chosen lines. */
  async store(ctx: HttpContext) {
    const { id } = await saleIdParams.validate(ctx.params)
    const { body: input, key } = await validateKeyedBody(createReturnBody, ctx)
    const result = await createReturn(id, input, ctx.principal, key)
    return answer(ctx, result)
  }

  /** The original's "annuler la vente": a return of everything not yet returned; the sale stays. */
  async cancel(ctx: HttpContext) {
    const { id } = await saleIdParams.validate(ctx.params)
    const { body: input, key } = await validateKeyedBody(cancelSaleBody, ctx)
    const result = await createReturn(
      id,
      {
        lignes: 'all',
        motif: input.motif ?? 'Annulation de la vente',
        mode_remboursement: input.mode_remboursement,
        remis_en_stock: input.remis_en_stock,
        caisse_id: input.caisse_id,
      },
      ctx.principal,
      key
    )
    return answer(ctx, result)
  }

  async show({ params, principal }: HttpContext) {
    const { id } = await returnIdParams.validate(params)
    const row = await db
      .from('returns')
      .join('sales', 'sales.id', 'returns.sale_id')
      .where('returns.id', id)
      .select('sales.store_id')
      .first()
    if (!row || !canAccessStore(principal, row.store_id)) throw ApiError.notFound('Return', id)
    return loadReturnWire(id)
  }
}
