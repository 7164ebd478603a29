// The central warehouse page: its stock with statuses, goods received
// (stock up through the ledger) and reorder points. Managers only; the
// route guards, the API enforces the same rule.
import { ok, okOrNull, type ApiClient } from './api/client.server.ts'
import type { WebSession } from './auth/session.server.ts'
import { idempotencyHeaderFrom, newFormKey } from './form-key.server.ts'
import { apiRefusal, invalidForm } from './forms/refusal.server.ts'
import { echoFields } from './forms/refusals.ts'
import { RECEIPT_FIELDS, parseGoodsReceipt } from './forms/warehouse.ts'
import { mapPage } from './list-query.ts'
import { goodsReceivedNotice } from './notice.ts'
import { setReorderPoint } from './reorder-point.server.ts'
import { redirectWithNotice } from './request.server.ts'
import { REORDER_POINT_INTENT, stockListQuery, stockRow } from './stock.ts'
import { WAREHOUSE_PAGE_SIZE, type WarehouseFilters } from './warehouse.ts'

export interface ProductRef {
  id: number
  code: string
  name: string
}

/** A product by the code a manager typed, in any case (the API compares codes so). */
export async function findProductByCode(api: ApiClient, code: string): Promise<ProductRef | null> {
  // `.` and `..` would be resolved away in the URL (/products/by-code/.. is /products/): no product has them.
  if (/^\.{1,2}$/.test(code)) return null
  const product = await okOrNull(api.GET('/api/v1/products/by-code/{code}', { params: { path: { code } } }))
  return product ? { id: product.id, code: product.code, name: product.nom } : null
}

export async function loadWarehouse(api: ApiClient, filters: WarehouseFilters) {
  const [stock, receiveProduct] = await Promise.all([
    ok(api.GET('/api/v1/warehouse/stock', { params: { query: stockListQuery(filters, WAREHOUSE_PAGE_SIZE) } })),
    filters.receiveCode ? findProductByCode(api, filters.receiveCode) : Promise.resolve(null),
  ])
  return { stock: mapPage(stock, stockRow), receiveProduct, receiptKey: newFormKey() }
}

interface ActionContext {
  api: ApiClient
  session: WebSession
  form: FormData
}

export const WAREHOUSE_INTENTS = ['receipt', REORDER_POINT_INTENT] as const

export async function runWarehouseAction(ctx: ActionContext, back: string) {
  const intent = String(ctx.form.get('intent') ?? '')
  if (intent === REORDER_POINT_INTENT) return setReorderPoint(ctx, { entrepot: true }, back)
  if (intent !== 'receipt') throw new Response('unknown_intent', { status: 400 })

  const values = echoFields(ctx.form, RECEIPT_FIELDS)
  const parsed = parseGoodsReceipt(ctx.form)
  if (!parsed.ok) return invalidForm(parsed.errors, { intent, values })
  const { code, quantity, supplier, reference } = parsed.value
  try {
    const product = await findProductByCode(ctx.api, code)
    if (!product) return invalidForm({ code: { key: 'warehouse.unknownCode', params: { code } } }, { intent, values })
    const receipt = await ok(
      ctx.api.POST('/api/v1/warehouse/receipts', {
        ...idempotencyHeaderFrom(ctx.form),
        body: {
          lignes: [{ produit_id: product.id, quantite: quantity }],
          ...(supplier ? { fournisseur: supplier } : {}),
          ...(reference ? { reference } : {}),
        },
      })
    )
    const movement = receipt.mouvements[0]
    return redirectWithNotice(back, ctx.session, goodsReceivedNotice({ quantity, name: product.name, balance: movement?.solde_apres ?? quantity }))
  } catch (error) {
    return apiRefusal(error, RECEIPT_FIELDS, { intent, values })
  }
}
