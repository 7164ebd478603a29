// Products as the management pages need them: the filtered list, one
// product for its form, and the API bodies built from the parsed forms.
// Prices are integer cents here, "3.49" strings on the wire.
import { ok, type ApiClient } from '../api/client.server.ts'
import type { components } from '../api/schema'
import { idempotencyHeaderFrom } from '../form-key.server.ts'
import type { ProductInput } from '../forms/catalog.ts'
import { centsFromWire, centsToWire, centsToInput } from '../money.ts'
import { forgetProducts } from '../pos/products.server.ts'
import {
  PRODUCT_SORTS,
  PRODUCT_SORT_WIRE,
  PRODUCTS_PAGE_SIZE,
  type ProductSort,
} from './options.ts'
import { ACTIVE_FILTERS, actifQuery, oneOf, pageFrom, positiveId, searchFrom, type ActiveFilter } from '../list-query.ts'

type ProductWire = components['schemas']['Product']

export interface ProductFilters {
  search: string
  categoryId: number | null
  status: ActiveFilter
  sort: ProductSort
  page: number
}

export function productFilters(url: URL): ProductFilters {
  return {
    search: searchFrom(url.searchParams.get('q'), 100),
    categoryId: positiveId(url.searchParams.get('categorie')),
    status: oneOf(url.searchParams.get('statut'), ACTIVE_FILTERS, 'tous'),
    sort: oneOf(url.searchParams.get('tri'), PRODUCT_SORTS, 'code'),
    page: pageFrom(url.searchParams.get('page')),
  }
}

export interface CategoryOption {
  id: number
  name: string
}

/** Every category, by name, for the selects (a few dozen at most; read page by page to be sure). */
export async function categoryOptions(api: ApiClient): Promise<CategoryOption[]> {
  const options: CategoryOption[] = []
  for (let page = 1; page <= 20; page++) {
    const answer = await ok(api.GET('/api/v1/categories', { params: { query: { size: 100, page, sort: 'nom,asc' } } }))
    options.push(...answer.items.map((category) => ({ id: category.id, name: category.nom })))
    if (options.length >= answer.total || answer.items.length === 0) break
  }
  return options
}

function listRow(product: ProductWire, categories: Map<number, string>) {
  return {
    id: product.id,
    code: product.code,
    name: product.nom,
    barcode: product.code_barre,
    category: categories.get(product.categorie_id) ?? `#${product.categorie_id}`,
    priceCents: centsFromWire(product.prix),
    warehouseQuantity: product.quantite_stock,
    active: product.actif,
  }
}

export async function loadProducts(api: ApiClient, filters: ProductFilters) {
  const [categories, page] = await Promise.all([
    categoryOptions(api),
    ok(
      api.GET('/api/v1/products', {
        params: {
          query: {
            page: filters.page,
            size: PRODUCTS_PAGE_SIZE,
            sort: PRODUCT_SORT_WIRE[filters.sort],
            ...(filters.search ? { search: filters.search } : {}),
            ...(filters.categoryId ? { categorie_id: filters.categoryId } : {}),
            ...actifQuery(filters.status),
          },
        },
      })
    ),
  ])
  const names = new Map(categories.map((category) => [category.id, category.name]))
  return {
    categories,
    products: { page: page.page, size: page.size, total: page.total, items: page.items.map((product) => listRow(product, names)) },
  }
}

/** One product as its edit page shows it; an unknown id is the API's 404 (a 404 page through loading()). */
export async function loadProduct(api: ApiClient, id: number) {
  const [product, categories] = await Promise.all([
    ok(api.GET('/api/v1/products/{id}', { params: { path: { id } } })),
    categoryOptions(api),
  ])
  return {
    categories,
    product: {
      id: product.id,
      code: product.code,
      name: product.nom,
      active: product.actif,
      warehouseQuantity: product.quantite_stock,
      category: categories.find((category) => category.id === product.categorie_id)?.name ?? null,
      // The form's own field values: what the manager edits.
      values: {
        code: product.code,
        nom: product.nom,
        categorie_id: String(product.categorie_id),
        prix: centsToInput(centsFromWire(product.prix)),
        code_barre: product.code_barre ?? '',
        description: product.description ?? '',
      } as Record<string, string>,
    },
  }
}

/** The editable fields as the API names them; empty optional fields are cleared (null). */
function editableBody(input: ProductInput) {
  return {
    nom: input.name,
    description: input.description,
    prix: centsToWire(input.priceCents),
    categorie_id: input.categoryId,
    code_barre: input.barcode,
  }
}

/** `form` carries the Idempotency-Key rendered with the creation form (see form-key.server.ts). */
export async function createProduct(api: ApiClient, input: ProductInput, form: FormData) {
  return ok(
    api.POST('/api/v1/products', {
      ...idempotencyHeaderFrom(form),
      body: {
        ...editableBody(input),
        ...(input.code ? { code: input.code } : {}),
        ...(input.openingStock ? { quantite_stock: input.openingStock } : {}),
      },
    })
  )
}

/**
 * Runs a write to product `id`, then drops this server's cached copy of it
 * (the POS carts' prices): the clerk's next scan shows the new price or
 * status, not a minute-old one. Dropped even when the write failed: a
 * timeout may still have changed it, and a re-read costs one request.
 */
async function changingProduct<T>(id: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } finally {
    forgetProducts([id])
  }
}

/** `fields`: the form fields to save (an edit sends only what it changed, lib/forms/edit-merge.ts). */
export async function updateProduct(api: ApiClient, id: number, input: ProductInput, fields: readonly string[]) {
  const body: Record<string, unknown> = { ...editableBody(input), ...(input.code ? { code: input.code } : {}) }
  return changingProduct(id, () =>
    ok(
      api.PATCH('/api/v1/products/{id}', {
        params: { path: { id } },
        body: Object.fromEntries(Object.entries(body).filter(([field]) => fields.includes(field))),
      })
    )
  )
}

/** Deactivated products stay in history and reports but can no longer be sold. */
export async function setProductActive(api: ApiClient, id: number, active: boolean) {
  return changingProduct(id, () => ok(api.PATCH('/api/v1/products/{id}', { params: { path: { id } }, body: { actif: active } })))
}

/** Only a product without history can go (409 RESOURCE_IN_USE otherwise). */
export async function deleteProduct(api: ApiClient, id: number) {
  return changingProduct(id, () => ok(api.DELETE('/api/v1/products/{id}', { params: { path: { id } } })))
}
