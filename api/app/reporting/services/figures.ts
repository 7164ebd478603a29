import { centsToWire } from '#core/money'
import type { DayRange } from '#reporting/services/report_period'

/*
 * Report arithmetic. Sums are integer cents from the rollups; the only
 * divisions are averages and percentages, rounded half-up (half away from
 * zero) in integer arithmetic, so "2.675" can never become "2.67".
 *
 * Revenue, everywhere in the reports, is NET SALES: the pre-tax subtotal of
 * the sales made in the period minus the pre-tax subtotal refunded by the
 * returns made in the period (a return counts on the day it happens, as in
 * the rollups and the books). `gross_revenue`/`ventes_brutes` is the pre-tax
 * subtotal before returns.
 */

/** What the register rollups give for a set of days and stores. */
export interface SalesFigures {
  salesCount: number
  grossCents: number
  refundCents: number
}

export const NO_SALES: SalesFigures = { salesCount: 0, grossCents: 0, refundCents: 0 }

export function netCents(figures: SalesFigures): number {
  return figures.grossCents - figures.refundCents
}

/** numerator ÷ denominator rounded half away from zero; 0 when the denominator is 0. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) return 0
  const n = BigInt(Math.round(numerator))
  const d = BigInt(Math.round(denominator))
  const negative = n < 0n !== d < 0n
  const absN = n < 0n ? -n : n
  const absD = d < 0n ? -d : d
  const rounded = (2n * absN + absD) / (2n * absD)
  return Number(negative ? -rounded : rounded)
}

/** Net revenue per sale, in cents (the original's `average_ticket`). */
export function averageTicketCents(figures: SalesFigures): number {
  return divideHalfUp(netCents(figures), figures.salesCount)
}

/** A ratio with two decimals as a wire string ("2.50"), like the original's Decimal fields. */
export function ratioToWire(numerator: number, denominator: number): string {
  return centsToWire(divideHalfUp(numerator * 100, denominator))
}

/** part ÷ whole in percent with two decimals (a JSON number); 0 when whole is 0. */
export function percentOf(part: number, whole: number): number {
  return divideHalfUp(part * 10_000, whole) / 100
}

/** Change from `previous` to `current` in percent (two decimals); null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null
  return divideHalfUp((current - previous) * 10_000, Math.abs(previous)) / 100
}

/**
 * The original API's rating, on net revenue in dollars:
 * ≥ 10 000 Excellent, ≥ 5 000 Good, ≥ 1 000 Average, else Poor.
 */
export function performanceRating(revenueCents: number): 'Excellent' | 'Good' | 'Average' | 'Poor' {
  if (revenueCents >= 1_000_000) return 'Excellent'
  if (revenueCents >= 500_000) return 'Good'
  if (revenueCents >= 100_000) return 'Average'
  return 'Poor'
}

/** Which rollup rows a report reads; null/empty = no restriction. */
export interface RollupFilter {
  range: DayRange
  storeIds?: number[] | null
  productIds?: number[] | null
}

/**
 * The WHERE conditions for a rollup table aliased `alias` (trusted: written
 * in code). Values go in as bindings; days compare as dates so the
 * (day, …) and (store_id, day) indexes apply.
 */
export function rollupConditions(alias: string, filter: RollupFilter): { sql: string; bindings: unknown[] } {
  const parts: string[] = []
  const bindings: unknown[] = []
  if (filter.range.from !== null) {
    parts.push(`${alias}.day >= ?::date`)
    bindings.push(filter.range.from)
  }
  if (filter.range.to !== null) {
    parts.push(`${alias}.day <= ?::date`)
    bindings.push(filter.range.to)
  }
  if (filter.storeIds && filter.storeIds.length > 0) {
    parts.push(`${alias}.store_id = ANY(?::int[])`)
    bindings.push(filter.storeIds)
  }
  if (filter.productIds && filter.productIds.length > 0) {
    parts.push(`${alias}.product_id = ANY(?::int[])`)
    bindings.push(filter.productIds)
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', bindings }
}

/** A single store as a filter list (null = all stores). */
export function storeList(storeId: number | null): number[] | null {
  return storeId === null ? null : [storeId]
}

/** PostgreSQL returns sums of bigint as strings: every figure goes through here. */
export function toInt(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value)
}
