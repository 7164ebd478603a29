// The sales journal (/ventes) as its filters read from the URL: which store,
// which state, part of a receipt number, which days. Shared by the loader and
// the filter form: no server-only imports here.
import { receiptPath } from './paths.ts'
import { dayRangeFrom, oneOfOrNull, pageFrom, positiveId, searchFrom, type DayRange } from './list-query.ts'

export const salesJournalPath = '/ventes'
export const SALES_JOURNAL_PAGE_SIZE = 25

/** The API's sale states (SaleListItem.statut). */
export const SALE_STATUSES = ['terminee', 'partiellement_retournee', 'retournee'] as const
export type SaleStatus = (typeof SALE_STATUSES)[number]

/** The query parameter that pins the journal's pages to the sales there were when paging began. */
export const UP_TO_PARAM = 'jusqua'

export interface SalesJournalFilters extends DayRange {
  /** A manager's choice of store; a clerk's journal is always their own store's. */
  storeId: number | null
  status: SaleStatus | null
  /** Any part of a receipt number ("R2-000004"), as typed. */
  receipt: string
  page: number
  /**
   * The newest sale of page 1 when paging began: page 2 onwards shows the
   * sales up to it, so sales rung up meanwhile neither push a row onto the
   * next page a second time nor hide one.
   */
  upTo: number | null
}

/**
 * What someone typed for a receipt number, as a receipt number can hold it: letters, digits
 * and dashes (a space stands for a dash). A register and a sequence read off a receipt
 * without its zeros ("r3 13903") are the receipt's own ("R3-00013903": 8 digits); a sequence
 * typed with its leading zeros ("R3-000") is the start of one, and stays as typed.
 */
export function receiptSearch(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/\s+/g, '-')
    .replace(/[^A-Z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/(^|-)(R\d+-)([1-9]\d{0,6})$/, (_, start: string, register: string, sequence: string) => `${start}${register}${sequence.padStart(8, '0')}`)
}

export function salesJournalFilters(url: URL): SalesJournalFilters {
  const params = url.searchParams
  const range = dayRangeFrom(params)
  const storeId = positiveId(params.get('magasin'))
  // An id the store select cannot have sent: named on the field, not silently dropped.
  if (params.get('magasin') && storeId === null) range.errors.magasin = { key: 'form.choice' }
  return {
    storeId,
    status: oneOfOrNull(params.get('statut'), SALE_STATUSES),
    receipt: receiptSearch(searchFrom(params.get('recu'), 32)),
    ...range,
    page: pageFrom(params.get('page')),
    upTo: positiveId(params.get(UP_TO_PARAM)),
  }
}

/** Whether the list is narrowed (or was asked to be, by a URL it could not read): the reset link and the "no match" sentence. */
export function isFiltered(filters: SalesJournalFilters): boolean {
  return (
    filters.storeId !== null ||
    filters.status !== null ||
    filters.receipt !== '' ||
    filters.from !== null ||
    filters.to !== null ||
    Object.keys(filters.errors).length > 0
  )
}

/** The journal narrowed to a store and/or days (the dashboard's and the reports' links to the sales they count). */
export function salesJournalHref({ storeId = null, from = null, to = null }: { storeId?: number | null; from?: string | null; to?: string | null }): string {
  const params = new URLSearchParams()
  if (storeId) params.set('magasin', String(storeId))
  if (from) params.set('du', from)
  if (to) params.set('au', to)
  const query = params.toString()
  return query ? `${salesJournalPath}?${query}` : salesJournalPath
}

/** The query parameter of a receipt opened from the journal: the journal as it was (filters, page), to go back to. */
export const FROM_JOURNAL_PARAM = 'depuis'

/** A sale's receipt, opened from the journal at `journal` (its path and query). */
export function receiptFromJournal(saleId: number, journal: string): string {
  return `${receiptPath(saleId)}?${new URLSearchParams({ [FROM_JOURNAL_PARAM]: journal })}`
}

/** The id of a sale's line in the journal: a receipt's way back lands on it (`#vente-42`). */
export function saleAnchor(saleId: number): string {
  return `vente-${saleId}`
}

/** Where a receipt's "back" link goes: the journal it was opened from, or null. Only a journal URL is followed (no open redirect). */
export function journalToReturnTo(url: URL): string | null {
  const journal = url.searchParams.get(FROM_JOURNAL_PARAM)
  if (!journal || journal.length > 1000) return null
  return journal === salesJournalPath || journal.startsWith(`${salesJournalPath}?`) ? journal : null
}

/** The journal of one store (a store page's link). */
export function storeSalesPath(storeId: number): string {
  return salesJournalHref({ storeId })
}

/** One row of the journal, as the page shows it. */
export interface SaleRow {
  id: number
  receiptNumber: string
  createdAt: string
  storeName: string
  subtotalCents: number
  taxesCents: number
  totalCents: number
  refundedCents: number
  status: SaleStatus
}
