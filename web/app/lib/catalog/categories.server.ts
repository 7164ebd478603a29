// Categories for the management pages: the list, one category, the writes.
import { ok, type ApiClient } from '../api/client.server.ts'
import { pageFrom, searchFrom } from '../list-query.ts'
import { CATEGORIES_PAGE_SIZE } from './options.ts'
import { idempotencyHeaderFrom } from '../form-key.server.ts'

export interface CategoryFilters {
  search: string
  page: number
}

export function categoryFilters(url: URL): CategoryFilters {
  return { search: searchFrom(url.searchParams.get('q'), 100), page: pageFrom(url.searchParams.get('page')) }
}

export async function loadCategories(api: ApiClient, filters: CategoryFilters) {
  const page = await ok(
    api.GET('/api/v1/categories', {
      params: {
        query: { page: filters.page, size: CATEGORIES_PAGE_SIZE, sort: 'nom,asc', ...(filters.search ? { search: filters.search } : {}) },
      },
    })
  )
  return {
    page: page.page,
    size: page.size,
    total: page.total,
    items: page.items.map((category) => ({ id: category.id, name: category.nom, description: category.description })),
  }
}

export async function loadCategory(api: ApiClient, id: number) {
  const category = await ok(api.GET('/api/v1/categories/{id}', { params: { path: { id } } }))
  return { id: category.id, name: category.nom, values: { nom: category.nom, description: category.description ?? '' } as Record<string, string> }
}

export interface CategoryInput {
  name: string
  description: string | null
}

/** `form` carries the Idempotency-Key rendered with the creation form (see form-key.server.ts). */
export async function createCategory(api: ApiClient, input: CategoryInput, form: FormData) {
  return ok(api.POST('/api/v1/categories', { ...idempotencyHeaderFrom(form), body: { nom: input.name, description: input.description } }))
}

/**
 * An emptied description is sent as null, which clears it (fields not sent are kept). `fields`: the
 * form fields to save (an edit sends only what it changed, lib/forms/edit-merge.ts).
 */
export async function updateCategory(api: ApiClient, id: number, input: CategoryInput, fields: readonly string[]) {
  const body = Object.fromEntries(Object.entries({ nom: input.name, description: input.description }).filter(([field]) => fields.includes(field)))
  return ok(api.PATCH('/api/v1/categories/{id}', { params: { path: { id } }, body }))
}

/** 409 RESOURCE_IN_USE while products use it. */
export async function deleteCategory(api: ApiClient, id: number) {
  return ok(api.DELETE('/api/v1/categories/{id}', { params: { path: { id } } }))
}
