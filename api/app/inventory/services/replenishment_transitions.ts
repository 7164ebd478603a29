import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/api_error'
import { recordBusinessEvent } from '#core/business_events'
import { assertStoreAccess } from '#access/policies'
import type { Principal } from '#access/principal'
import ReplenishmentRequest, { type ReplenishmentStatus } from '#inventory/models/replenishment_request'
import { STAMP_COLUMNS, nextStatus, type ReplenishmentAction } from '#inventory/replenishment_state'
import type { AppliedChange } from '#inventory/services/stock_ledger'
import { detectCrossings } from '#inventory/services/stock_alerts'
import { replenishmentToWire, type ReplenishmentWire } from '#inventory/transformers/replenishment_transformer'
import { findReplenishment } from '#inventory/queries/replenishment_list'

export interface TransitionSpec {
  action: ReplenishmentAction
  /** Who may act, given the request and its current state (throws 403). */
  authorize?: (request: ReplenishmentRequest, from: ReplenishmentStatus) => void
  /** What the caller expected of the locked request (throws 409 when it changed). */
  precondition?: (request: ReplenishmentRequest) => void
  /** What the database must still say for the transition to make sense (throws), read in its transaction. */
  guard?: (trx: TransactionClientContract, request: ReplenishmentRequest) => Promise<void>
  /** Stock effects of the transition, in the same transaction. */
  moveStock?: (trx: TransactionClientContract, request: ReplenishmentRequest, from: ReplenishmentStatus) => Promise<AppliedChange[]>
  /** Extra columns the transition sets (e.g. the rejection reason). */
  record?: (request: ReplenishmentRequest) => void
}

/**
 * Runs one transition in one transaction that starts by locking the
 * request's row: concurrent attempts queue on that lock, and each re-reads
 * the state the previous one committed, so approving twice is a 409 and
 * never a second transfer. Any error rolls back the state and the stock.
 */
export async function runTransition(principal: Principal, id: number, spec: TransitionSpec): Promise<ReplenishmentWire> {
  const outcome = await db.transaction(async (trx) => {
    const locked = await ReplenishmentRequest.query({ client: trx }).where('id', id).forUpdate().first()
    if (!locked) throw ApiError.notFound('ReplenishmentRequest', id)
    assertStoreAccess(principal, locked.storeId)
    const from = locked.status
    const to = nextStatus(from, spec.action)
    spec.authorize?.(locked, from)
    spec.precondition?.(locked)
    await spec.guard?.(trx, locked)
    const changes = (await spec.moveStock?.(trx, locked, from)) ?? []

    const stamp = STAMP_COLUMNS[to as keyof typeof STAMP_COLUMNS]
    locked.status = to
    locked[stamp.by] = principal.user?.id ?? null
    locked[stamp.at] = DateTime.now()
    spec.record?.(locked)
    await locked.useTransaction(trx).save()
    return { changes, storeId: locked.storeId }
  })
  recordBusinessEvent({ type: 'replenishment', action: spec.action, replenishmentId: id, storeId: outcome.storeId })
  detectCrossings(outcome.changes)
  return replenishmentToWire(await findReplenishment(id))
}

/** Ledger context shared by the movements a request causes. */
export function movementOf(principal: Principal, request: ReplenishmentRequest) {
  return {
    referenceType: 'replenishment_request',
    referenceId: request.id,
    userId: principal.user?.id ?? null,
  }
}
