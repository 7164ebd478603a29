import { formatNumber } from './format.ts'
import type { Message, MessageKey } from './i18n/index.ts'
import { replenishmentPath, type ReplenishmentAction } from './warehouse.ts'

/** A one-time message shown at the top of the next page ("Vente enregistrée"). */
export interface Notice {
  kind: 'success' | 'info' | 'warning' | 'danger'
  message: Message
  /** A second sentence (« Autorisé par … »). */
  detail?: Message
  /**
   * Takes the keyboard focus: the form that was used is gone from the page
   * (a return recorded, a request moved on), and the focus would otherwise
   * fall back to the top of the page. Not on the POS, whose focus is the scan.
   */
  focus?: boolean
  /** Where to go on from here ("Voir la demande n° 12"), when the page it lands on does not show it. */
  link?: { to: string; label: Message }
}

// The notices that report quantities, built here once. translate() puts a
// parameter in as it gets it: a raw number would read "1000" where fr-CA
// writes "1 000", so every quantity and count goes through formatNumber. Ids
// stay as they are ("Demande n° 1234" is a name, not an amount).

/** A replenishment request as the API answers it, as much as its notices tell. */
export interface RequestSummary {
  id: number
  quantite: number
  produit: { nom: string }
  magasin?: { nom?: string | null }
}

type RequestNoticeKey = Extract<MessageKey, 'stock.requested' | 'replenishments.created' | `replenishments.done.${string}`>

/** "Demande n° 12 validée : 1 000 × Pain…": a request created, or moved to its next state. */
export function requestNotice(
  key: RequestNoticeKey,
  request: RequestSummary,
  { focus = false, link }: { focus?: boolean; link?: Notice['link'] } = {}
): Notice {
  return {
    kind: 'success',
    message: {
      key,
      params: { id: request.id, quantity: formatNumber(request.quantite), name: request.produit.nom, store: request.magasin?.nom ?? '' },
    },
    ...(focus ? { focus } : {}),
    ...(link ? { link } : {}),
  }
}

/**
 * A request moved to its next state. Posted from a list, the request may leave it (an approved
 * one is no longer "en attente"): the notice links the request, for its next step.
 */
export function transitionNotice(action: ReplenishmentAction, request: RequestSummary, back: string): Notice {
  const detail = replenishmentPath(request.id)
  const onItsPage = back.split('?')[0] === detail
  const link = onItsPage ? undefined : { to: detail, label: { key: 'replenishments.openInFlight' as const, params: { id: request.id } } }
  return requestNotice(`replenishments.done.${action}`, request, { focus: true, link })
}

/** "Réception enregistrée : 1 000 × Pain. Stock central : 1 200." */
export function goodsReceivedNotice({ quantity, name, balance }: { quantity: number; name: string; balance: number }): Notice {
  return {
    kind: 'success',
    message: { key: 'warehouse.received', params: { quantity: formatNumber(quantity), name, balance: formatNumber(balance) } },
  }
}

/** "Seuil de Pain à l’entrepôt : 1 000." — or, for a store, "Seuil de Pain — Magasin Nord : 12." */
export function reorderPointNotice(name: string, point: number, store?: string): Notice {
  const params = { name, point: formatNumber(point) }
  if (store === undefined) return { kind: 'success', message: { key: 'warehouse.reorderPointSaved', params } }
  return { kind: 'success', message: { key: 'stock.reorderPointSaved', params: { ...params, store } } }
}

/** "Ajustement enregistré pour Pain. Nouveau solde : 1 000." */
export function adjustmentNotice(name: string, balance: number): Notice {
  return { kind: 'success', message: { key: 'movements.adjusted', params: { name, balance: formatNumber(balance) } } }
}
