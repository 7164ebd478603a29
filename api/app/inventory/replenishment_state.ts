import { ApiError } from '#core/api_error'
import type { ReplenishmentStatus } from '#inventory/models/replenishment_request'

/*
 * The replenishment state machine, in one place:
 *
 *   pending ──approve──▶ approved ──ship──▶ shipped ──receive──▶ received
 *      │                    │
 *      ├──reject──▶ rejected│
 *      └──cancel──▶ cancelled ◀──cancel──┘
 *
 * Stock moves on two edges only: approve takes the goods out of the central
 * warehouse (so they are reserved and cannot be promised twice) and receive
 * puts them into the store. Cancelling an approved request puts the goods
 * back into the warehouse. Shipped goods are in a truck: they can only be
 * received (a loss in transit is a store-side adjustment after receipt).
 */
export const REPLENISHMENT_ACTIONS = ['approve', 'ship', 'receive', 'reject', 'cancel'] as const
export type ReplenishmentAction = (typeof REPLENISHMENT_ACTIONS)[number]

const TRANSITIONS: Record<ReplenishmentAction, Partial<Record<ReplenishmentStatus, ReplenishmentStatus>>> = {
  approve: { pending: 'approved' },
  ship: { approved: 'shipped' },
  receive: { shipped: 'received' },
  reject: { pending: 'rejected' },
  cancel: { pending: 'cancelled', approved: 'cancelled' },
}

/** Wire names of the states (the original used en_attente, validee, livree). */
export const STATUS_TO_WIRE: Record<ReplenishmentStatus, string> = {
  pending: 'en_attente',
  approved: 'validee',
  shipped: 'expediee',
  received: 'livree',
  rejected: 'refusee',
  cancelled: 'annulee',
}

export const WIRE_STATUSES = Object.values(STATUS_TO_WIRE)

export function statusFromWire(wire: string): ReplenishmentStatus {
  const entry = Object.entries(STATUS_TO_WIRE).find(([, name]) => name === wire)
  if (!entry) throw new Error(`Unknown replenishment status ${wire}`)
  return entry[0] as ReplenishmentStatus
}

/** The state an action leads to, or a 409 INVALID_TRANSITION that moves nothing. */
export function nextStatus(from: ReplenishmentStatus, action: ReplenishmentAction): ReplenishmentStatus {
  const to = TRANSITIONS[action][from]
  if (!to) {
    throw ApiError.conflict(
      'INVALID_TRANSITION',
      `Cannot ${action} a replenishment request that is ${STATUS_TO_WIRE[from]}`,
      { from: STATUS_TO_WIRE[from], action, allowed_actions: allowedActions(from) }
    )
  }
  return to
}

/** Actions possible from a state (shown on the wire so clients know which buttons to offer). */
export function allowedActions(status: ReplenishmentStatus): ReplenishmentAction[] {
  return REPLENISHMENT_ACTIONS.filter((action) => TRANSITIONS[action][status] !== undefined)
}

/** The columns that record who reached a state and when. */
export const STAMP_COLUMNS = {
  approved: { by: 'approvedBy', at: 'approvedAt' },
  shipped: { by: 'shippedBy', at: 'shippedAt' },
  received: { by: 'receivedBy', at: 'receivedAt' },
  rejected: { by: 'rejectedBy', at: 'rejectedAt' },
  cancelled: { by: 'cancelledBy', at: 'cancelledAt' },
} as const satisfies Partial<Record<ReplenishmentStatus, { by: string; at: string }>>
