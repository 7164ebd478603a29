// The sales journal (/ventes) as its filters read from the URL: which store,
// which state, part of a receipt number, which days. Shared by the loader and
// the filter form: no server-only imports here.
import { calendarDay } from './warehouse.ts'
import { oneOfOrNull, pageFrom, positiveId, searchFrom } from './list-query.ts'

export const salesJournalPath = '/ventes'
export const SALES_JOURNAL_PAGE_SIZE = 25

/** The API's sale states (SaleListItem.statut). */
export const SALE_STATUSES = ['terminee', 'partiellement_retournee', 'retournee'] as const
export type SaleStatus = (typeof SALE_STATUSES)[number]

export interface SalesJournalFilters {
  /** A manager's choice of store; a clerk's journal is always their own store's. */
  storeId: number | null
  status: SaleStatus | null
  /** Any part of a receipt number ("R2-000004"), as typed. */
  receipt: string
  from: string | null
  to: string | null
  page: number
}

export function salesJournalFilters(url: URL): SalesJournalFilters {
  const params = url.searchParams
  let from = calendarDay(params.get('du'))
  let to = calendarDay(params.get('au'))
  // Typed backwards: read as meant rather than refused (as the ledger does).
  if (from && to && from > to) [from, to] = [to, from]
  return {
    storeId: positiveId(params.get('magasin')),
    status: oneOfOrNull(params.get('statut'), SALE_STATUSES),
    // Receipt numbers are letters, digits and dashes: anything else cannot match one.
    receipt: searchFrom(params.get('recu'), 32).toUpperCase().replace(/[^A-Z0-9-]/g, ''),
    from,
    to,
    page: pageFrom(params.get('page')),
  }
}

export function isFiltered(filters: SalesJournalFilters): boolean {
  return filters.storeId !== null || filters.status !== null || filters.receipt !== '' || filters.from !== null || filters.to !== null
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
