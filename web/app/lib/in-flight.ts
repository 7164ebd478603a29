// A store awaits at most one replenishment request per product at a time
// (en_attente, validee or expediee): the API refuses a second one with a 409
// REPLENISHMENT_IN_FLIGHT naming the first, and the store's stock list says
// which request is in flight on each line. Shared by loaders, actions and
// pages: no server-only imports here.
import type { ApiErrorEnvelope } from './api/errors.ts'
import { formatNumber } from './format.ts'
import type { Message, Translate } from './i18n/index.ts'
import { REPLENISHMENT_STATUSES, replenishmentPath, type ReplenishmentStatus } from './warehouse.ts'

export interface InFlightRequest {
  id: number
  quantity: number
  status: ReplenishmentStatus
}

/** The query parameter that narrows a store page's request list to one product. */
export const REQUESTS_PRODUCT_PARAM = 'dproduit'

interface InFlightWire {
  id?: unknown
  quantite?: unknown
  statut?: unknown
}

/** The API's `demande_en_cours` (or a 409's details, same fields) as the pages use it; null when absent or malformed. */
export function inFlightFromWire(wire: InFlightWire | null | undefined, id: unknown = wire?.id): InFlightRequest | null {
  if (!wire || typeof id !== 'number' || typeof wire.quantite !== 'number') return null
  if (!(REPLENISHMENT_STATUSES as readonly unknown[]).includes(wire.statut)) return null
  return { id, quantity: wire.quantite, status: wire.statut as ReplenishmentStatus }
}

/** The request a 409 REPLENISHMENT_IN_FLIGHT names, or null for any other refusal. */
export function inFlightRefusal(envelope: Pick<ApiErrorEnvelope, 'error_code' | 'details'>): InFlightRequest | null {
  if (envelope.error_code !== 'REPLENISHMENT_IN_FLIGHT') return null
  const details = (typeof envelope.details === 'object' && envelope.details !== null ? envelope.details : {}) as InFlightWire & {
    replenishment_id?: unknown
  }
  return inFlightFromWire(details, details.replenishment_id)
}

/** "A request for this product is already in progress: no. 12, 30 units (Approved)…", in the reader's language. */
export function inFlightMessage(request: InFlightRequest, t: Translate): Message {
  return {
    key: 'replenishments.alreadyInFlight',
    params: { id: request.id, quantity: formatNumber(request.quantity), status: t(`replenishment.status.${request.status}`) },
  }
}

/**
 * Where a reader opens the request in flight: a manager, its own page; a
 * clerk, whom that page refuses (it is for managers), the store page's list
 * of requests narrowed to the product, at the request's row.
 */
export function inFlightLink(
  request: InFlightRequest,
  reader: { manager: boolean; storePage: { pathname: string; search: string }; productId: number }
): string {
  if (reader.manager) return replenishmentPath(request.id)
  const params = new URLSearchParams(reader.storePage.search)
  params.set(REQUESTS_PRODUCT_PARAM, String(reader.productId))
  params.delete('dpage')
  return `${reader.storePage.pathname}?${params.toString()}#demande-${request.id}`
}
