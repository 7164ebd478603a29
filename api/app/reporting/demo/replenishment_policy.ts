import { uniformInt, type Random } from '#reporting/demo/distributions'

const MINUTE = 60_000

/*
 * When and how much to reorder. The stored reorder points were set for the
 * original's tiny volumes; at demo volumes (hundreds of units a day) a store
 * would run dry before the truck arrives, so the trigger is the larger of
 * the stored point and the demand expected while a delivery is on its way,
 * as a manager would set it for a busy store.
 */

/** A store asks the warehouse for more once it holds less than half a busy day. */
export function storeTriggerLevel(reorderPoint: number, peakDailyUnits: number): number {
  return Math.max(reorderPoint, Math.ceil(peakDailyUnits * 0.5))
}

/** Order up to about two busy days, in cases of 6. */
export function storeOrderQuantity(onHandAndInbound: number, reorderPoint: number, peakDailyUnits: number): number {
  const target = Math.max(2 * storeTriggerLevel(reorderPoint, peakDailyUnits), Math.ceil(peakDailyUnits * 2))
  return roundUpToCase(target - onHandAndInbound, 6)
}

/** The warehouse reorders from its supplier when it holds less than 2.5 days of the whole chain's demand. */
export function warehouseTriggerLevel(reorderPoint: number, chainPeakDailyUnits: number): number {
  return Math.max(reorderPoint, Math.ceil(chainPeakDailyUnits * 2.5))
}

/** A supplier delivery covers a week of the chain's demand, in cases of 24. */
export function supplierOrderQuantity(reorderPoint: number, chainPeakDailyUnits: number): number {
  return roundUpToCase(Math.max(2 * reorderPoint, Math.ceil(chainPeakDailyUnits * 7)), 24)
}

export function roundUpToCase(quantity: number, caseSize: number): number {
  if (quantity <= 0) return 0
  return Math.ceil(quantity / caseSize) * caseSize
}

export interface ReplenishmentTimeline {
  requestedAtMs: number
  approvedAtMs: number
  shippedAtMs: number
  receivedAtMs: number
}

/** Approval within the hour, the truck leaves within two, arrives within an hour and a half. */
export function replenishmentTimeline(random: Random, requestedAtMs: number): ReplenishmentTimeline {
  const approvedAtMs = requestedAtMs + uniformInt(random, 10, 60) * MINUTE
  const shippedAtMs = approvedAtMs + uniformInt(random, 30, 120) * MINUTE
  const receivedAtMs = shippedAtMs + uniformInt(random, 20, 90) * MINUTE
  return { requestedAtMs, approvedAtMs, shippedAtMs, receivedAtMs }
}
