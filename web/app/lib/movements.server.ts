// The stock ledger of one location (a store or the central warehouse) and
// the managers' adjustments to it. Every change of a level is a movement:
// sales, returns, replenishment in and out, receipts, adjustments.
import { ApiError, ok, type ApiClient } from './api/client.server.ts'
import { adjustmentShortMessage } from './api/errors.ts'
import type { WebSession } from './auth/session.server.ts'
import { idempotencyHeaderFrom, newFormKey } from './form-key.server.ts'
import { apiRefusal, invalidForm } from './forms/refusal.server.ts'
import { echoFields } from './forms/refusals.ts'
import { ADJUSTMENT_FIELDS, parseAdjustment } from './forms/warehouse.ts'
import { mapPage, type Paged } from './list-query.ts'
import { adjustmentNotice } from './notice.ts'
import { redirectWithNotice } from './request.server.ts'
import { findProductByCode } from './warehouse.server.ts'
import { MOVEMENTS_PAGE_SIZE, type MovementFilters, type MovementRow, type MovementType } from './warehouse.ts'

export type LedgerLocation = { storeId: number } | { warehouse: true }

/** The API's way of naming a location: magasin_id, or entrepot=true for the warehouse. */
function locationParams(location: LedgerLocation): { magasin_id: number } | { entrepot: true } {
  return 'storeId' in location ? { magasin_id: location.storeId } : { entrepot: true }
}

/**
 * The product the ledger's filter names: its code, or else the one product whose name (or
 * code, or barcode) matches what was typed — « farine » when only one product is flour.
 * Several matches: null, and the page asks for the code.
 */
async function ledgerProduct(api: ApiClient, typed: string): Promise<{ id: number; code: string } | null> {
  const byCode = await findProductByCode(api, typed)
  if (byCode) return byCode
  const found = await ok(api.GET('/api/v1/products', { params: { query: { search: typed, size: 2 } } }))
  return found.items.length === 1 && found.items[0] ? { id: found.items[0].id, code: found.items[0].code } : null
}

export async function loadMovements(api: ApiClient, location: LedgerLocation, filters: MovementFilters) {
  const product = filters.code ? await ledgerProduct(api, filters.code) : null
  if (filters.code && !product) {
    const none: Paged<MovementRow> = { page: 1, size: MOVEMENTS_PAGE_SIZE, total: 0, items: [] }
    return { movements: none, unknownCode: true, adjustmentKey: newFormKey(), productCode: '' }
  }
  const page = await ok(
    api.GET('/api/v1/stock/movements', {
      params: {
        query: {
          ...locationParams(location),
          size: MOVEMENTS_PAGE_SIZE,
          page: filters.page,
          ...(product ? { produit_id: product.id } : {}),
          ...(filters.type ? { type: filters.type } : {}),
          ...(filters.from ? { date_debut: filters.from } : {}),
          ...(filters.to ? { date_fin: filters.to } : {}),
        },
      },
    })
  )
  const movements = mapPage(page, (movement): MovementRow => {
    const reference = movement.reference
    const link =
      reference?.id && reference.type === 'demande_reappro'
        ? ({ kind: 'request', id: reference.id } as const)
        : reference?.id && reference.type === 'vente'
          ? ({ kind: 'sale', id: reference.id } as const)
          : null
    return {
      id: movement.id,
      at: movement.cree_le,
      product: movement.produit.nom,
      code: movement.produit.code,
      type: movement.type as MovementType,
      quantity: movement.quantite,
      balance: movement.solde_apres,
      reason: movement.motif,
      by: movement.utilisateur?.nom ?? null,
      link,
    }
  })
  // The product the ledger shows, by its code (it may have been found by name): the adjustment form names it.
  return { movements, unknownCode: false, adjustmentKey: newFormKey(), productCode: product?.code ?? '' }
}

/**
 * A manager's correction: a signed change (breakage, goods found) or the
 * quantity counted on the shelf. The reason is required: it is what the
 * ledger will say about this movement forever.
 */
export async function runAdjustment(
  ctx: { api: ApiClient; session: WebSession; form: FormData },
  location: LedgerLocation,
  back: string
) {
  const intent = 'adjust'
  const values = echoFields(ctx.form, ADJUSTMENT_FIELDS)
  const parsed = parseAdjustment(ctx.form)
  if (!parsed.ok) return invalidForm(parsed.errors, { intent, values })
  const { code, mode, quantity, reason } = parsed.value
  try {
    const product = await findProductByCode(ctx.api, code)
    if (!product) return invalidForm({ code: { key: 'warehouse.unknownCode', params: { code } } }, { intent, values })
    const written = await ok(
      ctx.api.POST('/api/v1/stock/adjustments', {
        ...idempotencyHeaderFrom(ctx.form),
        body: {
          ...locationParams(location),
          produit_id: product.id,
          motif: reason,
          ...(mode === 'comptage' ? { nouvelle_quantite: quantity } : { quantite: quantity }),
        },
      })
    )
    // A count equal to the level records nothing (204, no body): say so rather than "adjusted".
    if (!written) {
      return redirectWithNotice(back, ctx.session, { kind: 'info', message: { key: 'movements.countMatches', params: { name: product.name } } })
    }
    return redirectWithNotice(back, ctx.session, adjustmentNotice(product.name, written.solde_apres))
  } catch (error) {
    // Short of stock: said as an adjustment (the generic message spoke of a quantity "demandée").
    const short = error instanceof ApiError && mode !== 'comptage' ? adjustmentShortMessage(error.envelope, quantity) : null
    return apiRefusal(error, ['quantite', 'motif'], { intent, values }, short ? { INSUFFICIENT_STOCK: short } : {})
  }
}
