import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type ReplenishmentRequest from '#inventory/models/replenishment_request'
import ReplenishmentQuantityChange from '#inventory/models/replenishment_quantity_change'
import { STATUS_TO_WIRE } from '#inventory/replenishment_state'
import { instantToWire } from '#core/instants'
import type { UserRefWire } from '#inventory/transformers/stock_transformers'

export interface HistoryStepWire {
  /** demandee, quantite_modifiee, then the state each transition reached (validee, expediee, livree, refusee, annulee). */
  etape: string
  le: string
  par: UserRefWire | null
  motif: string | null
  /** Set on quantite_modifiee steps only. */
  quantite_avant: number | null
  quantite_apres: number | null
}

interface Step {
  etape: string
  at: DateTime | null
  by: number | null
  motif?: string | null
  before?: number
  after?: number
}

/**
 * A request's transitions and quantity changes in the order they happened,
 * each with who (by name: a page shows people, not user ids) and when. The
 * transition stamps live on the request row (one column pair per state);
 * quantity changes, which can be several, have their own rows (migration 0022).
 */
export async function replenishmentHistory(request: ReplenishmentRequest): Promise<HistoryStepWire[]> {
  const changes = await ReplenishmentQuantityChange.query().where('replenishment_request_id', request.id).orderBy('id')
  const steps: Step[] = [
    { etape: 'demandee', at: request.requestedAt, by: request.requestedBy },
    // Changes happen while pending, before any transition: listed here, a tie in time keeps that order.
    ...changes.map((change) => ({
      etape: 'quantite_modifiee',
      at: change.changedAt,
      by: change.changedBy,
      before: change.previousQuantity,
      after: change.newQuantity,
    })),
    { etape: STATUS_TO_WIRE.approved, at: request.approvedAt, by: request.approvedBy },
    { etape: STATUS_TO_WIRE.shipped, at: request.shippedAt, by: request.shippedBy },
    { etape: STATUS_TO_WIRE.received, at: request.receivedAt, by: request.receivedBy },
    { etape: STATUS_TO_WIRE.rejected, at: request.rejectedAt, by: request.rejectedBy, motif: request.rejectionReason },
    { etape: STATUS_TO_WIRE.cancelled, at: request.cancelledAt, by: request.cancelledBy },
  ]
  const done = steps.filter((step) => step.at !== null)
  const userIds = [...new Set(done.flatMap((step) => (step.by === null ? [] : [step.by])))]
  const users = userIds.length === 0 ? [] : await db.from('users').whereIn('id', userIds).select('id', 'full_name')
  const names = new Map<number, string>(users.map((user) => [Number(user.id), String(user.full_name)]))
  return done
    .sort((a, b) => a.at!.toMillis() - b.at!.toMillis())
    .map((step) => ({
      etape: step.etape,
      le: instantToWire(step.at!),
      par: step.by === null ? null : { id: step.by, nom: names.get(step.by) ?? `#${step.by}` },
      motif: step.motif ?? null,
      quantite_avant: step.before ?? null,
      quantite_apres: step.after ?? null,
    }))
}
