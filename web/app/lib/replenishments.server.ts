// Replenishment requests as managers work them: the list, one request with
// its history and the stock on both ends, the suggestions, the transitions
// (approve, ship, receive, reject, cancel) posted from forms, and the
// quantity of a pending request (a store's stock page posts it too).

import { data } from '@remix-run/node'

import { ApiError, ok, okOrNull, type ApiClient } from './api/client.server.ts'
import type { components } from './api/schema'
import type { SessionUser } from './auth/roles.ts'
import type { WebSession } from './auth/session.server.ts'
import { newFormKey } from './form-key.server.ts'
import { formatNumber } from './format.ts'
import { apiRefusal, invalidForm } from './forms/refusal.server.ts'
import { echoFields } from './forms/refusals.ts'
import { inFlightFromWire, inFlightMessage, inFlightRefusal } from './in-flight.ts'
import { MAX_REQUEST_QUANTITY } from './forms/schemas.ts'
import { parseQuantityChange, parseRejection, parseSuggestedRequest } from './forms/warehouse.ts'
import type { Translate } from './i18n/index.ts'
import { mapPage } from './list-query.ts'
import { requestNotice, transitionNotice } from './notice.ts'
import { actionErrorFrom, redirectWithNotice } from './request.server.ts'
import { storeChoices } from './stores.server.ts'
import {
  CHANGE_QUANTITY_INTENT,
  REPLENISHMENTS_PAGE_SIZE,
  REPLENISHMENT_ACTIONS,
  SUGGESTIONS_PAGE_SIZE,
  SEEN_QUANTITY_FIELD,
  actionsFor,
  changedQuantity,
  conflictingStatus,
  type ReplenishmentAction,
  type ReplenishmentFilters,
  type ReplenishmentRefusal,
  type ReplenishmentStatus,
  type SuggestionFilters,
  suggestedRequestQuantity,
} from './warehouse.ts'

type Replenishment = components['schemas']['Replenishment']

function requestRow(request: Replenishment, user: SessionUser) {
  return {
    id: request.id,
    store: request.magasin.nom ?? `#${request.magasin_id}`,
    storeId: request.magasin_id,
    product: request.produit.nom,
    productCode: request.produit.code,
    productId: request.produit_id,
    quantity: request.quantite,
    status: request.statut as ReplenishmentStatus,
    requestedAt: request.demande_le,
    actions: actionsFor(request, user),
  }
}

export type RequestRow = ReturnType<typeof requestRow>

export async function loadReplenishments(api: ApiClient, filters: ReplenishmentFilters, user: SessionUser) {
  const [page, stores] = await Promise.all([
    ok(
      api.GET('/api/v1/replenishments', {
        params: {
          query: {
            size: REPLENISHMENTS_PAGE_SIZE,
            page: filters.page,
            ...(filters.status ? { statut: filters.status } : {}),
            ...(filters.storeId ? { magasin_id: filters.storeId } : {}),
          },
        },
      })
    ),
    storeChoices(api),
  ])
  return { requests: mapPage(page, (request) => requestRow(request, user)), stores }
}

/** A product's level at the warehouse or in a store (the stock lists are searched by its code). */
async function levelOf(api: ApiClient, where: 'warehouse' | number, productId: number, code: string): Promise<number | null> {
  const query = { search: code, size: 100 }
  const page =
    where === 'warehouse'
      ? await ok(api.GET('/api/v1/warehouse/stock', { params: { query } }))
      : await ok(api.GET('/api/v1/stores/{id}/stock', { params: { path: { id: where }, query } }))
  return page.items.find((item) => item.produit_id === productId)?.quantite ?? null
}

/** One request with its history and the stock it moves (warehouse and store), or null when it does not exist. */
export async function loadReplenishment(api: ApiClient, user: SessionUser, id: number) {
  const request = await okOrNull(api.GET('/api/v1/replenishments/{id}', { params: { path: { id } } }))
  if (!request) return null
  const [warehouseQuantity, storeQuantity] = await Promise.all([
    levelOf(api, 'warehouse', request.produit_id, request.produit.code),
    levelOf(api, request.magasin_id, request.produit_id, request.produit.code),
  ])
  return {
    ...requestRow(request, user),
    note: request.note,
    rejectionReason: request.motif_refus ?? null,
    history: request.historique.map((step) => ({
      step: step.etape,
      at: step.le,
      by: step.par?.nom ?? null,
      reason: step.motif,
      // Set on quantite_modifiee steps: the quantity before and after the change.
      quantityChange: step.quantite_avant !== null && step.quantite_apres !== null ? { from: step.quantite_avant, to: step.quantite_apres } : null,
    })),
    warehouseQuantity,
    storeQuantity,
  }
}

export async function loadSuggestions(api: ApiClient, filters: SuggestionFilters) {
  const [suggestions, stores] = await Promise.all([
    ok(
      api.GET('/api/v1/replenishments/suggestions', {
        params: { query: { size: SUGGESTIONS_PAGE_SIZE, page: filters.page, ...(filters.storeId ? { magasin_id: filters.storeId } : {}) } },
      })
    ),
    storeChoices(api),
  ])
  return {
    stores,
    suggestions: mapPage(suggestions, (s) => {
      // The API suggests what the store needs; one request asks for at most MAX_REQUEST_QUANTITY.
      const need = Math.min(s.quantite_suggeree, MAX_REQUEST_QUANTITY)
      const offer = suggestedRequestQuantity(need, s.stock_entrepot)
      return {
        storeId: s.magasin.id ?? 0,
        store: s.magasin.nom ?? '',
        productId: s.produit.id,
        product: s.produit.nom,
        code: s.produit.code,
        quantity: s.quantite,
        reorderPoint: s.seuil_reappro,
        status: s.statut,
        salesPerDay: s.ventes_par_jour,
        daysLeft: s.jours_restants ?? null,
        inFlight: s.en_cours,
        // The request in flight, if any: the row links it instead of offering a second one (the API refuses it).
        request: inFlightFromWire(s.demande_en_cours),
        warehouseQuantity: s.stock_entrepot,
        need,
        suggested: offer.quantity,
        warehouseShort: offer.short,
        urgent: s.priorite === 'URGENT',
        // Generated with the page: a double click or a browser re-post sends the same key, the API creates one request.
        idempotencyKey: newFormKey(),
      }
    }),
  }
}

interface ActionContext {
  api: ApiClient
  session: WebSession
  form: FormData
  t: Translate
}

function requestIdOf(form: FormData): number {
  const id = Number(form.get('demande_id'))
  if (!Number.isInteger(id) || id < 1) throw new Response('bad_request_id', { status: 400 })
  return id
}

/** The quantity an approve form showed: every one sends it, so a form without it is not ours (400). */
function seenQuantityOf(form: FormData): number {
  const seen = Number(form.get(SEEN_QUANTITY_FIELD))
  if (!Number.isInteger(seen) || seen < 1 || seen > MAX_REQUEST_QUANTITY) throw new Response('bad_seen_quantity', { status: 400 })
  return seen
}

/**
 * Approve posted from beside the quantity field sends that field too: a
 * different quantity typed there was never saved, and approving the saved
 * one would reserve what the manager did not mean. Refused on the field.
 */
function typedButNotSaved(form: FormData, seen: number): boolean {
  const typed = form.get('quantite')
  if (typeof typed !== 'string') return false
  return typed.trim() === '' || Number(typed) !== seen
}

/** A refusal of the quantity field, shown under it with what was typed. */
const quantityRefusalContext = (form: FormData, requestId: number): ReplenishmentRefusal => ({
  intent: CHANGE_QUANTITY_INTENT,
  requestId,
  values: echoFields(form, ['quantite']),
})

function postTransition(api: ApiClient, action: ReplenishmentAction, id: number, form: { reason: string; seenQuantity?: number }) {
  const options = { params: { path: { id } }, body: {} }
  switch (action) {
    case 'approve':
      return api.POST('/api/v1/replenishments/{id}/approve', { ...options, body: { quantite: form.seenQuantity } })
    case 'ship':
      return api.POST('/api/v1/replenishments/{id}/ship', options)
    case 'receive':
      return api.POST('/api/v1/replenishments/{id}/receive', options)
    case 'cancel':
      return api.POST('/api/v1/replenishments/{id}/cancel', options)
    case 'reject':
      return api.POST('/api/v1/replenishments/{id}/reject', { ...options, body: { motif: form.reason } })
  }
}

/**
 * A transition posted from a list row or a request's page. A 409 (approved
 * twice from two tabs, a stale page) is shown as what happened — "already
 * approved" — and the page, reloaded by Remix, shows the request as it is.
 */
export async function runTransition(ctx: ActionContext, back: string) {
  // The pages that list or show requests post the quantity form to the same action.
  if (ctx.form.get('intent') === CHANGE_QUANTITY_INTENT) return changeRequestQuantity(ctx, back)
  const intent = String(ctx.form.get('intent') ?? '') as ReplenishmentAction
  if (!(REPLENISHMENT_ACTIONS as readonly string[]).includes(intent)) throw new Response('unknown_intent', { status: 400 })
  const requestId = requestIdOf(ctx.form)
  let reason = ''
  if (intent === 'reject') {
    const parsed = parseRejection(ctx.form)
    if (!parsed.ok) return invalidForm(parsed.errors, { intent, requestId, values: echoFields(ctx.form, ['motif']) } as ReplenishmentRefusal)
    reason = parsed.value.reason
  }
  const seenQuantity = intent === 'approve' ? seenQuantityOf(ctx.form) : undefined
  if (seenQuantity !== undefined && typedButNotSaved(ctx.form, seenQuantity)) {
    const unsaved = { key: 'replenishments.unsavedQuantity', params: { quantity: formatNumber(seenQuantity) } } as const
    return invalidForm({ quantite: unsaved }, quantityRefusalContext(ctx.form, requestId))
  }
  try {
    const request = await ok(postTransition(ctx.api, intent, requestId, { reason, seenQuantity }))
    return redirectWithNotice(back, ctx.session, transitionNotice(intent, request, back))
  } catch (error) {
    const changed = error instanceof ApiError ? changedQuantity(error.envelope) : null
    if (changed) {
      const params = { id: requestId, seen: formatNumber(changed.seen), now: formatNumber(changed.now) }
      return data<ReplenishmentRefusal>({ intent, requestId, error: { key: 'replenishments.quantityChanged', params } }, { status: 409 })
    }
    const from = error instanceof ApiError ? conflictingStatus(error.envelope) : null
    if (from) {
      const status = ctx.t(`replenishment.status.${from}`)
      return data<ReplenishmentRefusal>(
        { intent, requestId, error: { key: 'replenishments.conflict', params: { id: requestId, status } } },
        { status: 409 }
      )
    }
    return data<ReplenishmentRefusal>({ intent, requestId, error: actionErrorFrom(error) }, { status: error instanceof ApiError ? error.status : 503 })
  }
}

/**
 * A pending request's new quantity, from a list row or a store's stock page.
 * Refused on the field (422) it comes back to its row with what was typed; a
 * 409 (approved, refused or cancelled meanwhile) says so above the list, which
 * Remix reloads: the row then shows the request as it now is, without the form.
 */
export async function changeRequestQuantity(ctx: Pick<ActionContext, 'api' | 'session' | 'form' | 't'>, back: string) {
  const requestId = requestIdOf(ctx.form)
  const context = quantityRefusalContext(ctx.form, requestId)
  const parsed = parseQuantityChange(ctx.form)
  if (!parsed.ok) return invalidForm(parsed.errors, context)
  try {
    const request = await ok(
      ctx.api.PATCH('/api/v1/replenishments/{id}', { params: { path: { id: requestId } }, body: { quantite: parsed.value.quantity } })
    )
    return redirectWithNotice(back, ctx.session, requestNotice('replenishments.done.changeQuantity', request, { focus: true }))
  } catch (error) {
    const from = error instanceof ApiError ? conflictingStatus(error.envelope) : null
    if (from) {
      const status = ctx.t(`replenishment.status.${from}`)
      return data<ReplenishmentRefusal>({ ...context, error: { key: 'replenishments.quantityConflict', params: { id: requestId, status } } }, { status: 409 })
    }
    // The only business refusal of a quantity change: more of a product discontinued since (less is fine).
    return apiRefusal(error, ['quantite'], context, { BUSINESS_LOGIC_ERROR: 'replenishments.discontinuedMore' })
  }
}

/** "Create the request" on a suggestion, with the key generated with the page (double-submit safe). */
export async function createSuggestedRequest(ctx: ActionContext, back: string) {
  const parsed = parseSuggestedRequest(ctx.form)
  const row = `${String(ctx.form.get('magasin_id') ?? '')}:${String(ctx.form.get('produit_id') ?? '')}`
  const context: ReplenishmentRefusal = { intent: 'create', row, values: echoFields(ctx.form, ['quantite']) }
  if (!parsed.ok) return invalidForm(parsed.errors, context)
  const { storeId, productId, quantity, idempotencyKey } = parsed.value
  try {
    const created = await ok(
      ctx.api.POST('/api/v1/replenishments', {
        body: { magasin_id: storeId, produit_id: productId, quantite: quantity },
        headers: { 'Idempotency-Key': idempotencyKey },
      })
    )
    return redirectWithNotice(back, ctx.session, requestNotice('replenishments.created', created))
  } catch (error) {
    // The store already awaits this product: say which request, so the manager can open it.
    const inFlight = error instanceof ApiError ? inFlightRefusal(error.envelope) : null
    if (inFlight) return data<ReplenishmentRefusal>({ ...context, error: inFlightMessage(inFlight, ctx.t), inFlight }, { status: 409 })
    return apiRefusal(error, ['quantite'], context)
  }
}
