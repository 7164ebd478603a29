// List options of the products page, shared by its loader and its filter form.
export const PRODUCT_SORTS = ['code', 'nom', 'prix', 'prix_desc', 'recent'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]
/** The API's `sort` for each choice of the page (ties are broken by id on the API side). */
export const PRODUCT_SORT_WIRE: Record<ProductSort, string> = {
  code: 'code,asc',
  nom: 'nom,asc',
  prix: 'prix,asc',
  prix_desc: 'prix,desc',
  recent: 'id,desc',
}
export const PRODUCTS_PAGE_SIZE = 25
export const CATEGORIES_PAGE_SIZE = 25
