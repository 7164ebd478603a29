// The returns page's URL, read safely: a bookmarked, edited or mistyped
// address shows the page without the odd part, never an error page (the API
// refuses ids out of its range with a 422, which would be a 502 here).
import { hasRole, MANAGER_ROLES, type Role } from './auth/roles.ts'
import type { ReturnInput } from './forms/schemas.ts'
import { calendarDay } from './calendar-day.ts'
import { pageFrom, positiveId, searchFrom } from './list-query.ts'
import { centsFromWire } from './money.ts'

export interface ReturnsQuery {
  /** ?recu=: a receipt number (or a sale id) as typed. */
  search: string
  /** ?vente=: the sale picked from today's list, or back from a return. */
  saleId: number | null
  /** ?retour=: the return just recorded, shown once as a confirmation. */
  returnId: number | null
  /** ?page=: the listed day's sales. */
  page: number
  /** ?jour=: the day whose sales are listed (a receipt lost, yesterday evening's sale); null: today. */
  day: string | null
}

export function returnsQuery(url: URL): ReturnsQuery {
  return {
    search: searchFrom(url.searchParams.get('recu'), 40),
    saleId: positiveId(url.searchParams.get('vente')),
    returnId: positiveId(url.searchParams.get('retour')),
    page: pageFrom(url.searchParams.get('page')),
    day: calendarDay(url.searchParams.get('jour')),
  }
}

/**
 * When a clerk opening a sale may no longer take it back at the register:
 * the end of their return period (the API's retour_caissier_jusqua) once it
 * has passed, else null. Managers and admins take goods back at any time.
 */
export function clerkReturnPeriodOver(user: { role: Role }, deadline: string, now = Date.now()): string | null {
  return hasRole(user, MANAGER_ROLES) || now <= Date.parse(deadline) ? null : deadline
}

/** A line's whole items go back to the stock; its damaged ones are sent apart, to be written off. */
export function returnedLines(line: ReturnInput['lines'][number]) {
  const whole = line.quantity - line.damaged
  return [
    ...(whole > 0 ? [{ ligne_id: line.lineId, quantite: whole }] : []),
    ...(line.damaged > 0 ? [{ ligne_id: line.lineId, quantite: line.damaged, remis_en_stock: false }] : []),
  ]
}

/*
 * What the page sends to the API. `caisse_id` is the page's register: its drawer pays a cash
 * refund and the return counts there, whichever register of the store rang the sale up.
 */
export function returnBody(input: ReturnInput, registerId: number) {
  return {
    lignes: input.lines.flatMap(returnedLines),
    motif: input.reason,
    mode_remboursement: input.refundMethod,
    caisse_id: registerId,
  }
}

export function cancelBody(input: { reason: string; refundMethod: ReturnInput['refundMethod'] }, registerId: number) {
  return { motif: input.reason, mode_remboursement: input.refundMethod, caisse_id: registerId }
}

/**
 * What the customer gets back: the refund with its cash part rounded to the nickel (ADR 0023),
 * the sum of its parts. An API from before the rounding (a rolling upgrade) sends no arrondi.
 */
export function handedBackCents(refund: { total: string; arrondi_especes?: string }): number {
  return centsFromWire(refund.total) + (refund.arrondi_especes ? centsFromWire(refund.arrondi_especes) : 0)
}

/** A return's lines by sale line: a line sent twice (whole, then damaged) is one item with its damaged count. */
export function returnedItems(lines: { ligne_id: number; nom: string; quantite: number; remis_en_stock: boolean }[]) {
  const items = new Map<number, { lineId: number; name: string; quantity: number; damaged: number }>()
  for (const line of lines) {
    const item = items.get(line.ligne_id) ?? { lineId: line.ligne_id, name: line.nom, quantity: 0, damaged: 0 }
    item.quantity += line.quantite
    if (!line.remis_en_stock) item.damaged += line.quantite
    items.set(line.ligne_id, item)
  }
  return [...items.values()]
}
