// Stock list options, shared by the stock page's loader and its filter form.
export const STOCK_STATUSES = ['rupture', 'critique', 'faible', 'normal'] as const
export type StockStatus = (typeof STOCK_STATUSES)[number]
export const STOCK_SORTS = ['code', 'nom', 'quantite', 'statut'] as const
export type StockSort = (typeof STOCK_SORTS)[number]
export const STOCK_PAGE_SIZE = 25
export const REQUESTS_PAGE_SIZE = 10
