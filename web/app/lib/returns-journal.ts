// The returns journal (/ventes/retours) as its filters read from the URL: which
// store, which days. Shared by the loader and the filter form: no server-only
// imports here.
import { dayRangeFrom, pageFrom, positiveId, type DayRange } from './list-query.ts'

export const returnsJournalPath = '/ventes/retours'
export const RETURNS_JOURNAL_PAGE_SIZE = 25

export interface ReturnsJournalFilters extends DayRange {
  /** A manager's choice of store; a clerk's journal is always their own store's. */
  storeId: number | null
  /** One sale's returns (`?vente=`, the receipt's link). */
  saleId: number | null
  page: number
}

/** The journal of one sale's returns. */
export function saleReturnsPath(saleId: number): string {
  return `${returnsJournalPath}?vente=${saleId}`
}

export function returnsJournalFilters(url: URL): ReturnsJournalFilters {
  const params = url.searchParams
  const range = dayRangeFrom(params)
  const storeId = positiveId(params.get('magasin'))
  if (params.get('magasin') && storeId === null) range.errors.magasin = { key: 'form.choice' }
  const saleId = positiveId(params.get('vente'))
  // A mistyped ?vente= (abc, 0, -3): said above the list, which shows every sale's returns instead.
  if (params.get('vente') && saleId === null) range.errors.vente = { key: 'returnsJournal.badSale' }
  return { storeId, saleId, ...range, page: pageFrom(params.get('page')) }
}

export function isFiltered(filters: ReturnsJournalFilters): boolean {
  return filters.storeId !== null || filters.saleId !== null || filters.from !== null || filters.to !== null || Object.keys(filters.errors).length > 0
}

/** One return as the journal shows it. */
export interface ReturnRow {
  id: number
  saleId: number
  receiptNumber: string
  createdAt: string
  storeName: string
  reason: string
  totalCents: number
  damaged: boolean
  /** Who made it; null for an integration. */
  by: string | null
  /** After the clerks' return period: a manager made or authorised it. */
  late: boolean
}
