// What the POS page shows, as sent from its loader to the browser.
import type { FieldErrors } from '../forms/schemas.ts'
import type { Message } from '../i18n/index.ts'
import type { TotalsPreview } from './taxes.ts'
import type { RegisterHeading } from './register-heading.ts'

export interface CartLineView {
  productId: number
  code: string
  name: string
  unitPriceCents: number
  quantity: number
  lineTotalCents: number
  /** The product is gone or discontinued: it cannot be sold, only removed. */
  unavailable: boolean
}

export interface StockItemView {
  productId: number
  code: string
  name: string
  unitPriceCents: number
  quantity: number
  status: 'rupture' | 'critique' | 'faible' | 'normal'
}

export interface SessionView {
  id: number
  openedAt: string
  floatCents: number
}

export interface PosView {
  register: RegisterHeading & { numero: number }
  session: SessionView | null
  cart: {
    lines: CartLineView[]
    totals: TotalsPreview
    sellable: boolean
    /** Lines of the cart just emptied, that « Rétablir » brings back (0: none). */
    restorable: number
    /** The cart and total this page shows, posted with the payment: another tab may have changed the cart since. */
    version: string
  }
  /** Results of ?q=, or the quick-pick list when nothing was searched. */
  search: { term: string | null; items: StockItemView[]; total: number }
  /** Sent back with the payment as the sale's Idempotency-Key. */
  idempotencyKey: string
}

export type PosIntent =
  | 'open'
  | 'scan'
  | 'add'
  | 'set-qty'
  | 'remove'
  | 'clear'
  | 'restore'
  | 'pay'
  | 'pay-card'
  | 'pay-cash'

/** What a POS action answers when it does not redirect: the form to show again, with why. */
export interface PosActionResult {
  intent: PosIntent
  error?: Message
  fieldErrors?: FieldErrors
  /** The values to put back in the form (amounts as typed). */
  values?: Record<string, string>
}
