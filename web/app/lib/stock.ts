// A location's stock list (a store's, the central warehouse's): its options,
// its filters read from the URL, the API query they make and the rows the
// pages show. Shared by the loaders and the filter forms: no server-only imports.
import type { components } from './api/schema'
import { oneOf, oneOfOrNull, pageFrom, searchFrom } from './list-query.ts'

export const STOCK_STATUSES = ['rupture', 'critique', 'faible', 'normal'] as const
export type StockStatus = (typeof STOCK_STATUSES)[number]
export const STOCK_SORTS = ['code', 'nom', 'quantite', 'statut'] as const
export type StockSort = (typeof STOCK_SORTS)[number]
export const STOCK_PAGE_SIZE = 25
export const REQUESTS_PAGE_SIZE = 10

/** What both stock lists filter on (?q=, ?statut=, ?tri=, ?page=). */
export interface StockListFilters {
  search: string
  status: StockStatus | null
  sort: StockSort
  page: number
}

export function stockListFilters(url: URL): StockListFilters {
  return {
    search: searchFrom(url.searchParams.get('q'), 64),
    status: oneOfOrNull(url.searchParams.get('statut'), STOCK_STATUSES),
    sort: oneOf(url.searchParams.get('tri'), STOCK_SORTS, 'code'),
    page: pageFrom(url.searchParams.get('page')),
  }
}

/** The "Tout afficher" link shows up once one of these narrows the list. */
export function stockListFiltered(filters: Pick<StockListFilters, 'search' | 'status'>): boolean {
  return filters.search !== '' || filters.status !== null
}

/** The query of GET /stores/{id}/stock and GET /warehouse/stock (same parameters). */
export function stockListQuery(filters: StockListFilters, size: number) {
  return {
    size,
    page: filters.page,
    sort: `${filters.sort},asc`,
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.status ? { statut: filters.status } : {}),
  }
}

/** A stock line as both lists show it (a store's line also has a price, its page adds it). */
export function stockRow(item: components['schemas']['WarehouseStockItem']) {
  return {
    productId: item.produit_id,
    code: item.code,
    name: item.nom,
    quantity: item.quantite,
    reorderPoint: item.seuil_reappro,
    status: item.statut,
  }
}

/** The form intent that sets a reorder point (warehouse page, a store's stock page). */
export const REORDER_POINT_INTENT = 'reorder-point'

/** In the order given (by name), but what is out of stock after what can be sold: the POS list began with a « Rupture ». */
export function sellableFirst<Item extends { quantity: number }>(items: readonly Item[]): Item[] {
  return [...items.filter((item) => item.quantity > 0), ...items.filter((item) => item.quantity <= 0)]
}
