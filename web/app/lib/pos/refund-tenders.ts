// What a sale's returns gave back to each tender (GET /sales/{id}
// remboursements_par_mode, ADR 0017): a refund split card + cash shows the
// card's part and the cash that left the drawer, not one lump.
import type { components } from '../api/schema'
import { formatMoney } from '../format.ts'
import type { Translate } from '../i18n/index.ts'
import { centsFromWire } from '../money.ts'

type WirePart = components['schemas']['Sale']['remboursements_par_mode'][number]

export interface TenderRefund {
  mode: WirePart['mode']
  cents: number
}

/** In the API's order (card, other, then cash). An API from before the field (a rolling upgrade) gives none. */
export function refundsByTender(sale: { remboursements_par_mode?: WirePart[] }): TenderRefund[] {
  return (sale.remboursements_par_mode ?? []).map((part) => ({ mode: part.mode, cents: centsFromWire(part.montant) })).filter((part) => part.cents > 0)
}

/** "Carte : 5,00 $ · Espèces : 3,22 $" */
export function tenderRefundsText(t: Translate, parts: TenderRefund[]): string {
  return parts.map((part) => t('returns.refundPart', { mode: t(`receipt.mode.${part.mode}`), amount: formatMoney(part.cents) })).join(' · ')
}
