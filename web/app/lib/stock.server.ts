// A store's stock as its clerk sees it, and the replenishment requests the
// store makes to the central warehouse.

import { data } from '@remix-run/node'

import { ApiError, ok, type ApiClient } from './api/client.server.ts'
import type { components } from './api/schema'
import type { SessionUser } from './auth/roles.ts'
import type { WebSession } from './auth/session.server.ts'
import { idempotencyHeaderFrom, newFormKey } from './form-key.server.ts'
import { echoFields } from './forms/refusals.ts'
import { MAX_REQUEST_QUANTITY, parseReplenishment, type FieldErrors } from './forms/schemas.ts'
import type { Message, Translate } from './i18n/index.ts'
import { REQUESTS_PRODUCT_PARAM, inFlightFromWire, inFlightMessage, inFlightRefusal, type InFlightRequest } from './in-flight.ts'
import { centsFromWire } from './money.ts'
import { requestNotice } from './notice.ts'
import { actionErrorFrom, redirectWithNotice } from './request.server.ts'
import { mapPage, pageFrom, positiveId } from './list-query.ts'
import { REQUESTS_PAGE_SIZE, STOCK_PAGE_SIZE, stockListFilters, stockListQuery, stockRow, type StockListFilters } from './stock.ts'
import { actionsFor } from './warehouse.ts'

export interface StockFilters extends StockListFilters {
  /** The requests list below the stock has its own page (?dpage=). */
  requestsPage: number
  /** …and may show one product's requests only (?dproduit=: where a clerk follows a request in flight). */
  requestsProduct: number | null
}

export function stockFilters(url: URL): StockFilters {
  return {
    ...stockListFilters(url),
    requestsPage: pageFrom(url.searchParams.get('dpage')),
    requestsProduct: positiveId(url.searchParams.get(REQUESTS_PRODUCT_PARAM)),
  }
}

/** A quantity worth asking for: back to twice the reorder point, within what one request may ask. */
export function suggestedQuantity(quantity: number, reorderPoint: number): number | null {
  if (quantity > reorderPoint) return null
  return Math.min(MAX_REQUEST_QUANTITY, Math.max(1, reorderPoint * 2 - quantity))
}

type Replenishment = components['schemas']['Replenishment']

export async function loadStock(api: ApiClient, storeId: number, filters: StockFilters, user: SessionUser) {
  const [stock, requests] = await Promise.all([
    ok(api.GET('/api/v1/stores/{id}/stock', { params: { path: { id: storeId }, query: stockListQuery(filters, STOCK_PAGE_SIZE) } })),
    ok(
      api.GET('/api/v1/replenishments', {
        params: {
          query: {
            magasin_id: storeId,
            size: REQUESTS_PAGE_SIZE,
            page: filters.requestsPage,
            ...(filters.requestsProduct ? { produit_id: filters.requestsProduct } : {}),
          },
        },
      })
    ),
  ])
  // One Idempotency-Key per row and page: a double submit (no JavaScript) creates one request.
  const pageKey = newFormKey()
  return {
    stock: mapPage(stock, (item) => ({
      ...stockRow(item),
      unitPriceCents: centsFromWire(item.prix),
      // Discontinued: its stock is still shown, but it cannot be asked for (the API refuses it).
      active: item.actif,
      suggested: suggestedQuantity(item.quantite, item.seuil_reappro),
      requestKey: `${pageKey}-${item.produit_id}`,
      // The request the store already awaits for it: the line shows it instead of a form the API would refuse.
      inFlight: inFlightFromWire(item.demande_en_cours),
    })),
    requests: mapPage(requests, (request: Replenishment) => ({
      id: request.id,
      product: `${request.produit.nom} (${request.produit.code})`,
      quantity: request.quantite,
      status: request.statut,
      requestedAt: request.demande_le,
      rejectionReason: request.motif_refus ?? null,
      // A clerk sees every request of the store, but cancels only their own.
      actions: actionsFor(request, user),
    })),
  }
}

export interface StockActionResult {
  intent: 'request' | 'cancel-request' | 'receive'
  productId?: number
  error?: Message
  fieldErrors?: FieldErrors
  /** The quantity as typed, put back in the refused row (not the suggested one). */
  values?: Record<string, string>
  /** Refused because this request for the product is still in flight (asked from a stale page, another tab). */
  inFlight?: InFlightRequest
}

export async function runStockAction(
  ctx: { api: ApiClient; session: WebSession; form: FormData; t: Translate },
  storeId: number,
  back: string
) {
  const raw = String(ctx.form.get('intent') ?? '')
  const intent: StockActionResult['intent'] = raw === 'cancel-request' || raw === 'receive' ? raw : 'request'
  const fail = (result: Omit<StockActionResult, 'intent'>, status = 422) => data<StockActionResult>({ intent, ...result }, { status })

  if (intent === 'request') {
    const parsed = parseReplenishment(ctx.form)
    const productId = Number(ctx.form.get('produit_id')) || undefined
    const values = echoFields(ctx.form, ['quantite'])
    if (!parsed.ok) return fail({ productId, fieldErrors: parsed.errors, values })
    try {
      const created = await ok(
        ctx.api.POST('/api/v1/replenishments', {
          ...idempotencyHeaderFrom(ctx.form),
          body: {
            magasin_id: storeId,
            produit_id: parsed.value.productId,
            quantite: parsed.value.quantity,
            ...(parsed.value.note ? { note: parsed.value.note } : {}),
          },
        })
      )
      return redirectWithNotice(back, ctx.session, requestNotice('stock.requested', created))
    } catch (error) {
      const inFlight = error instanceof ApiError ? inFlightRefusal(error.envelope) : null
      if (inFlight) return fail({ productId, error: inFlightMessage(inFlight, ctx.t), inFlight, values }, 409)
      return fail({ productId, error: actionErrorFrom(error), values }, error instanceof ApiError ? error.status : 503)
    }
  }

  const requestId = Number(ctx.form.get('demande_id'))
  if (!Number.isInteger(requestId) || requestId < 1) throw new Response('bad_request_id', { status: 400 })
  try {
    const options = { params: { path: { id: requestId } }, body: {} }
    await ok(
      intent === 'receive'
        ? ctx.api.POST('/api/v1/replenishments/{id}/receive', options)
        : ctx.api.POST('/api/v1/replenishments/{id}/cancel', options)
    )
    return redirectWithNotice(back, ctx.session, {
      kind: 'success',
      message: { key: intent === 'receive' ? 'stock.received' : 'stock.cancelled', params: { id: requestId } },
      focus: true,
    })
  } catch (error) {
    return fail({ error: actionErrorFrom(error) }, error instanceof ApiError ? error.status : 503)
  }
}
