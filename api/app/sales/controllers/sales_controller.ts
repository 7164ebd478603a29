import type { HttpContext } from '@adonisjs/core/http'
import { created as respondCreated } from '#core/created'
import { validateQuery } from '#core/validation'
import { validateKeyedBody } from '#core/idempotency'
import { paginate, resolveSort } from '#core/pagination'
import { assertStoreAccess, storeScope } from '#access/policies'
import { ApiError } from '#core/api_error'
import { createSale } from '#sales/actions/create_sale'
import { loadSaleDetail } from '#sales/queries/sale_detail'
import { loadReceipt } from '#sales/queries/receipt'
import { listSales, saleListItem } from '#sales/queries/sale_list'
import { saleToWire } from '#sales/transformers/sale_transformer'
import { detectCrossings } from '#inventory/services/stock_alerts'
import { recordBusinessEvent } from '#core/business_events'
import {
  createSaleBody,
  listSalesQuery,
  saleIdParams,
  saleSortColumns,
} from '#sales/validators/sale_validators'

export default class SalesController {
  async store(ctx: HttpContext) {
    const { body: input, key } = await validateKeyedBody(createSaleBody, ctx)
    const created = await createSale(input, ctx.principal, key)
    detectCrossings(created.crossings)
    const sale = created.detail ?? (await loadSaleDetail(created.saleId))
    if (created.replayed) {
      // A key only replays a sale its holder could have made.
      assertStoreAccessOrHide(ctx.principal, sale.storeId, sale.id)
      ctx.response.header('Idempotent-Replayed', 'true')
    } else {
      recordBusinessEvent({
        type: 'sale',
        saleId: sale.id,
        storeId: sale.storeId,
        registerId: sale.registerId,
        totalCents: sale.totalCents,
        requestId: ctx.request.id(),
      })
    }
    return created.replayed ? saleToWire(sale) : respondCreated(ctx, `/sales/${sale.id}`, saleToWire(sale))
  }

  async show({ params, principal }: HttpContext) {
    const { id } = await saleIdParams.validate(params)
    const sale = await loadSaleDetail(id)
    assertStoreAccessOrHide(principal, sale.storeId, id)
    return saleToWire(sale)
  }

  async receipt({ params, principal }: HttpContext) {
    const { id } = await saleIdParams.validate(params)
    const sale = await loadSaleDetail(id)
    assertStoreAccessOrHide(principal, sale.storeId, id)
    return loadReceipt(id)
  }

  async index(ctx: HttpContext) {
    const filters = await validateQuery(listSalesQuery, ctx)
    const requestedStore = filters.magasin_id ?? filters.store_id
    const clerkStore = storeScope(ctx.principal)
    if (requestedStore !== undefined) assertStoreAccess(ctx.principal, requestedStore)
    const sort = resolveSort(filters.sort, saleSortColumns, { column: 'sales.created_at', direction: 'desc' })
    const query = listSales({ ...filters, storeId: requestedStore ?? clerkStore ?? undefined })
    return paginate(query, { page: filters.page, size: filters.size, sort, tieBreaker: 'sales.id' }, saleListItem)
  }
}

/** A clerk asking for another store's sale learns nothing about it: same answer as a missing id. */
function assertStoreAccessOrHide(principal: HttpContext['principal'], storeId: number, saleId: number) {
  try {
    assertStoreAccess(principal, storeId)
  } catch {
    throw ApiError.notFound('Sale', saleId)
  }
}
