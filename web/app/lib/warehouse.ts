// The central warehouse, the replenishment workflow and the stock ledger as
// the managers' pages read them from the URL. Shared by loaders (server) and
// filter forms (browser): no server-only imports here.
import type { Role } from './auth/roles.ts'
import type { ApiErrorEnvelope } from './api/errors.ts'
import type { FormRefusal } from './forms/refusals.ts'
import { dayRangeFrom, oneOfOrNull, pageFrom, positiveId, searchFrom, type DayRange } from './list-query.ts'
import { stockListFilters, type StockListFilters } from './stock.ts'

export const WAREHOUSE_PAGE_SIZE = 25

export const REPLENISHMENT_STATUSES = ['en_attente', 'validee', 'expediee', 'livree', 'refusee', 'annulee'] as const
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number]
export const REPLENISHMENTS_PAGE_SIZE = 20
export const SUGGESTIONS_PAGE_SIZE = 20

/** The API's transitions, in the order the buttons are shown. */
export const REPLENISHMENT_ACTIONS = ['approve', 'ship', 'receive', 'reject', 'cancel'] as const
export type ReplenishmentAction = (typeof REPLENISHMENT_ACTIONS)[number]

/** The form that changes a pending request's quantity (PATCH /replenishments/{id}); not a transition: the state stays en_attente. */
export const CHANGE_QUANTITY_INTENT = 'change-quantity'

/** Only a pending request's quantity can change (the API answers 409 once it is approved, refused or cancelled). */
export function quantityChangeable(status: string): boolean {
  return status === 'en_attente'
}

/**
 * What a suggestion's request form offers: what the store needs, but no more than the warehouse
 * holds — an approval of more is refused (409, not enough stock) — unless the warehouse is empty,
 * when the request waits for goods in. `short`: the warehouse holds less than the need.
 */
export function suggestedRequestQuantity(need: number, warehouse: number): { quantity: number; short: boolean } {
  const short = warehouse < need
  return { quantity: short && warehouse > 0 ? warehouse : need, short }
}

/** The ledger's movement types (API wire names). */
export const MOVEMENT_TYPES = ['vente', 'retour', 'reappro_sortie', 'reappro_entree', 'ajustement', 'reception'] as const
export type MovementType = (typeof MOVEMENT_TYPES)[number]
/** What moves each kind of location's stock: the warehouse neither sells nor takes returns; a store receives no supplier goods and ships nothing out. */
export const MOVEMENT_TYPES_AT: Record<'warehouse' | 'store', readonly MovementType[]> = {
  warehouse: ['reception', 'reappro_sortie', 'reappro_entree', 'ajustement'],
  store: ['vente', 'retour', 'reappro_entree', 'ajustement'],
}
export const MOVEMENTS_PAGE_SIZE = 25

export const warehousePath = '/entrepot'
export const warehouseMovementsPath = '/entrepot/mouvements'
export const replenishmentsPath = '/reapprovisionnements'
export const suggestionsPath = '/reapprovisionnements/suggestions'
export const replenishmentPath = (id: number) => `/reapprovisionnements/${id}`
export const storeMovementsPath = (storeId: number) => `/magasins/${storeId}/stock/mouvements`

export interface WarehouseFilters extends StockListFilters {
  /** A product code to put in the goods receipt form (the row's "Réceptionner" link). */
  receiveCode: string
}

export function warehouseFilters(url: URL): WarehouseFilters {
  return { ...stockListFilters(url), receiveCode: searchFrom(url.searchParams.get('reception'), 32) }
}

export interface SuggestionFilters {
  storeId: number | null
  page: number
}

/** The suggestions narrow by store only (?magasin=). */
export function suggestionFilters(url: URL): SuggestionFilters {
  return { storeId: positiveId(url.searchParams.get('magasin')), page: pageFrom(url.searchParams.get('page')) }
}

/** The requests narrow by store, like the suggestions, and by state. */
export interface ReplenishmentFilters extends SuggestionFilters {
  status: ReplenishmentStatus | null
}

export function replenishmentFilters(url: URL): ReplenishmentFilters {
  return { status: oneOfOrNull(url.searchParams.get('statut'), REPLENISHMENT_STATUSES), ...suggestionFilters(url) }
}

export interface MovementFilters extends DayRange {
  type: MovementType | null
  /** A product code, as typed (the page resolves it to an id). */
  code: string
  page: number
}

export function movementFilters(url: URL): MovementFilters {
  return {
    type: oneOfOrNull(url.searchParams.get('type'), MOVEMENT_TYPES),
    code: searchFrom(url.searchParams.get('produit'), 32),
    ...dayRangeFrom(url.searchParams),
    page: pageFrom(url.searchParams.get('page')),
  }
}

/**
 * The buttons a user may press on a request: what its state allows (the
 * API's `actions_possibles`) and what they may do — a clerk receives their
 * store's goods and cancels only a pending request they made themselves
 * (cancel_replenishment.ts). The API enforces both; this only avoids
 * offering a button that can only be refused.
 */
export function actionsFor(
  request: { actions_possibles: readonly string[]; statut: string; demande_par: number | null },
  user: { id: number; role: Role }
): ReplenishmentAction[] {
  const manager = user.role === 'manager' || user.role === 'admin'
  const ownPending = request.statut === 'en_attente' && request.demande_par === user.id
  return REPLENISHMENT_ACTIONS.filter(
    (action) => request.actions_possibles.includes(action) && (manager || action === 'receive' || (action === 'cancel' && ownPending))
  )
}

/** The approve form's hidden field: the quantity the page showed (the API's `quantite` on approve). */
export const SEEN_QUANTITY_FIELD = 'quantite_vue'

/** For a 409 on approve: the store changed the quantity since the page showed it (the details give both). */
export function changedQuantity(envelope: Pick<ApiErrorEnvelope, 'error_code' | 'details'>): { seen: number; now: number } | null {
  if (envelope.error_code !== 'QUANTITY_CHANGED') return null
  const details = envelope.details as { quantite?: unknown; quantite_vue?: unknown } | null | undefined
  if (typeof details?.quantite !== 'number' || typeof details.quantite_vue !== 'number') return null
  return { seen: details.quantite_vue, now: details.quantite }
}

/** For a 409 INVALID_TRANSITION: the state the request was already in (its details say so). */
export function conflictingStatus(envelope: Pick<ApiErrorEnvelope, 'error_code' | 'details'>): ReplenishmentStatus | null {
  if (envelope.error_code !== 'INVALID_TRANSITION') return null
  const from = (envelope.details as { from?: unknown } | null | undefined)?.from
  return (REPLENISHMENT_STATUSES as readonly unknown[]).includes(from) ? (from as ReplenishmentStatus) : null
}

/**
 * Remix skips the loaders after an action answered 4xx; a 409 means the
 * request changed under the page (approved from another tab, stock gone):
 * reload it, so the page shows the request as it now is.
 */
export function revalidateAfterConflict({ actionStatus, defaultShouldRevalidate }: { actionStatus?: number; defaultShouldRevalidate: boolean }) {
  return actionStatus === 409 || defaultShouldRevalidate
}

/** A signed quantity as the ledger shows it: "+12", "−3" (a real minus sign). */
export function signedQuantity(delta: number, format: (value: number) => string): string {
  if (delta > 0) return `+${format(delta)}`
  if (delta < 0) return `−${format(-delta)}`
  return format(0)
}

/** What a refused replenishment form gives back to the page. */
export interface ReplenishmentRefusal extends FormRefusal {
  requestId?: number
  /** Which suggestion row the refusal belongs to (store:product). */
  row?: string
  /** Refused because the store already awaits the product: that request. */
  inFlight?: { id: number; quantity: number; status: ReplenishmentStatus }
}

/** One line of a location's stock ledger, as the pages show it. */
export interface MovementRow {
  id: number
  at: string
  product: string
  code: string
  type: MovementType
  quantity: number
  balance: number
  reason: string | null
  by: string | null
  /** What the movement belongs to, when the page can link to it. */
  link: { kind: 'request' | 'sale'; id: number } | null
}
