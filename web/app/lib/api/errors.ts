// The API's error envelope, turned into messages a clerk can act on. The API
// writes its messages in English for integrators (a few in French); pages
// never show them raw: each error_code has its own dictionary entry, filled
// with the details the envelope carries (which product, how many are left…).
import { formatMoney, formatNumber } from '../format.ts'
import type { Message } from '../i18n/index.ts'

/** The API's error envelope (docs/api.md § Errors). */
export interface ApiErrorEnvelope {
  timestamp: string
  status: number
  error: string
  message: string
  path: string
  error_code: string
  details?: unknown
}

type Details = Record<string, unknown>

function detailsOf(envelope: ApiErrorEnvelope): Details {
  return typeof envelope.details === 'object' && envelope.details !== null ? (envelope.details as Details) : {}
}

function numberIn(details: Details, name: string): number | null {
  const value = details[name]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

interface ShortItem {
  product?: unknown
  product_id?: unknown
  requested?: unknown
  available?: unknown
}

/** A quantity the API sent, grouped fr-CA; anything else as it came, so the message stays readable. */
function countOrUnknown(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : String(value ?? '?')
}

const shortItemsOf = (details: Details): ShortItem[] => (Array.isArray(details.items) ? (details.items as ShortItem[]) : [])

const countsOf = (item: ShortItem) => ({ requested: countOrUnknown(item.requested), available: countOrUnknown(item.available ?? 0) })

const productOf = (item: ShortItem): string => (typeof item.product === 'string' ? item.product : `#${String(item.product_id ?? '?')}`)

/** One product short: said in words. Several: "Lait (5 / 3), Pain (2 / 0)", the message names the columns. */
function insufficientStock(details: Details): Message {
  const items = shortItemsOf(details)
  const [only] = items
  if (items.length === 1 && only) return { key: 'api.insufficientStockOne', params: { product: productOf(only), ...countsOf(only) } }
  if (items.length === 0) return { key: 'api.insufficientStock' }
  const described = items.map((item) => {
    const { requested, available } = countsOf(item)
    return `${productOf(item)} (${requested} / ${available})`
  })
  return { key: 'api.insufficientStockItems', params: { items: described.join(', ') } }
}

/**
 * A stock adjustment the level cannot take (a variation of -1 000 with 83 on the shelf): said as
 * an adjustment, not in the words of a request ("1 000 demandés"). `change`: the signed variation
 * sent. Null when the API did not say which product and how many are left.
 */
export function adjustmentShortMessage(envelope: ApiErrorEnvelope, change: number): Message | null {
  const [only, ...others] = shortItemsOf(detailsOf(envelope))
  if (envelope.error_code !== 'INSUFFICIENT_STOCK' || !only || others.length > 0 || typeof only.available !== 'number') return null
  // A true minus sign, as a figure is written (« −1 000 »), and the plus of goods found.
  const signed = `${change < 0 ? '\u2212' : '+'}${formatNumber(Math.abs(change))}`
  return { key: 'api.adjustmentShort', params: { product: productOf(only), available: formatNumber(only.available), change: signed } }
}

/** Seconds → whole minutes, at least 1 (a rate-limit wait). */
export function retryMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60))
}

/** A readable message for any API error (the details stay in the server logs). */
export function apiErrorMessage(envelope: ApiErrorEnvelope): Message {
  const details = detailsOf(envelope)
  switch (envelope.error_code) {
    case 'AUTHENTICATION_ERROR':
      return { key: 'api.authentication' }
    case 'AUTHORIZATION_ERROR': {
      // The API refuses a clerk's late return as a matter of rights (403), not of data:
      // saying "no rights" would not tell the clerk to fetch a manager.
      const hours = numberIn(details, 'window_hours')
      return hours === null ? { key: 'api.authorization' } : { key: 'api.returnWindow', params: { hours } }
    }
    case 'NOT_FOUND':
      return { key: 'api.notFound' }
    case 'INSUFFICIENT_STOCK':
      return insufficientStock(details)
    case 'REGISTER_CLOSED':
      return { key: 'api.registerClosed' }
    case 'INSUFFICIENT_CASH': {
      const drawer = numberIn(details, 'drawer_cash_cents')
      const refund = numberIn(details, 'cash_refund_cents')
      if (refund === null) return { key: 'api.rejected' }
      // A clerk counts blind (ADR 0026): the API does not tell them what the drawer holds.
      if (drawer === null) return { key: 'api.insufficientCashBlind', params: { refund: formatMoney(refund) } }
      return { key: 'api.insufficientCash', params: { drawer: formatMoney(Math.max(drawer, 0)), refund: formatMoney(refund) } }
    }
    case 'REGISTER_ALREADY_OPEN':
      return { key: 'api.registerAlreadyOpen' }
    case 'RETURN_EXCEEDS_SOLD':
      return { key: 'api.returnExceedsSold' }
    case 'NOTHING_TO_RETURN':
      return { key: 'api.nothingToReturn' }
    case 'INVALID_TRANSITION':
      return { key: 'api.invalidTransition' }
    case 'IDEMPOTENCY_CONFLICT':
      return { key: 'api.idempotencyConflict' }
    case 'DUPLICATE_RESOURCE':
      return { key: 'api.duplicate' }
    case 'RESOURCE_IN_USE':
      return { key: 'api.inUse' }
    case 'QUANTITY_CHANGED':
      return { key: 'api.quantityChanged' }
    case 'RATE_LIMIT_EXCEEDED': {
      const seconds = numberIn(details, 'retry_after')
      return seconds === null
        ? { key: 'api.rateLimited' }
        : { key: 'api.rateLimitedWait', params: { minutes: retryMinutes(seconds) } }
    }
    case 'VALIDATION_ERROR':
      return { key: 'api.validation' }
    case 'BUSINESS_LOGIC_ERROR': {
      const missing = numberIn(details, 'missing_cents')
      const total = numberIn(details, 'total_cents')
      if (missing !== null && total !== null) {
        return { key: 'api.paymentShort', params: { total: formatMoney(total), missing: formatMoney(missing) } }
      }
      if (/only cash can be overpaid/i.test(envelope.message)) return { key: 'api.onlyCashOverpaid' }
      const max = numberIn(details, 'max_cents')
      if (typeof details.mode_remboursement === 'string') return refundRefusal(details.mode_remboursement, details)
      if (max !== null) return { key: 'api.saleTooLarge', params: { max: formatMoney(max) } }
      // A replenishment request for a deactivated product (create_replenishment.ts): the only
      // business refusal that names a produit_id. The stock pages list such products too.
      // Approving or shipping one deactivated since names the way out (stock_locations.ts).
      if (details.action_possible === 'reject') return { key: 'api.productDiscontinuedReject' }
      if (details.action_possible === 'cancel') return { key: 'api.productDiscontinuedCancel' }
      if (numberIn(details, 'produit_id') !== null) return { key: 'api.productDiscontinued' }
      return { key: 'api.businessRule' }
    }
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL_ERROR':
    case 'UNEXPECTED_RESPONSE':
      return { key: 'api.serverError' }
    default:
      return envelope.status >= 500 ? { key: 'api.serverError' } : { key: 'api.rejected' }
  }
}

/*
 * A refund the asked tender cannot take. refundable_cents lists the tenders
 * the sale was paid with (what each can still give back), so a tender absent
 * from it was never used, and one at 0 has already given everything back.
 */
function refundRefusal(mode: string, details: Details): Message {
  const refundable = typeof details.refundable_cents === 'object' && details.refundable_cents !== null ? (details.refundable_cents as Details) : {}
  const left = numberIn(refundable, mode)
  if (left === null) return { key: 'api.refundNotLikeSale' }
  if (left === 0) return { key: 'api.refundTenderSpent' }
  return { key: 'api.refundOverTender', params: { max: formatMoney(left) } }
}

/** VALIDATION_ERROR's per-field list, keyed by the API's field name ("lignes.0.quantite"). */
export function apiFieldErrors(envelope: ApiErrorEnvelope): Record<string, string> {
  const list = detailsOf(envelope).validation_errors
  if (!Array.isArray(list)) return {}
  const fields: Record<string, string> = {}
  for (const entry of list as { field?: unknown; message?: unknown }[]) {
    if (typeof entry.field === 'string' && typeof entry.message === 'string') fields[entry.field] = entry.message
  }
  return fields
}
