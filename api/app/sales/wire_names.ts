import type { PaymentMethod } from '#sales/models/payment'
import type { SaleStatus } from '#sales/models/sale'

/* French values on the wire, English in the database (one mapping, both ways). */
export const PAYMENT_METHOD_WIRE: Record<PaymentMethod, string> = { cash: 'especes', card: 'carte', other: 'autre' }
export const PAYMENT_METHOD_FROM_WIRE: Record<string, PaymentMethod> = { especes: 'cash', carte: 'card', autre: 'other' }

export const SALE_STATUS_WIRE: Record<SaleStatus, string> = {
  completed: 'terminee',
  partially_returned: 'partiellement_retournee',
  returned: 'retournee',
}
export const SALE_STATUS_FROM_WIRE: Record<string, SaleStatus> = Object.fromEntries(
  Object.entries(SALE_STATUS_WIRE).map(([code, wire]) => [wire, code as SaleStatus])
)
