import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { validateQuery } from '#core/validation'
import { containsAnyOf } from '#core/search_pattern'
import { managerWrites } from '#access/manager_writes'
import Category from '#catalog/models/category'
import { categoryToWire } from '#catalog/transformers/category_transformer'
import { createCategory } from '#catalog/actions/create_category'
import { updateCategory } from '#catalog/actions/update_category'
import { deleteCategory } from '#catalog/actions/delete_category'
import {
  categoryBody,
  categoryChangesFromWire,
  categoryIdParams,
  newCategoryFromWire,
  categorySortColumns,
  listCategoriesQuery,
  patchCategoryBody,
} from '#catalog/validators/category_validators'

const writes = managerWrites({
  idParams: categoryIdParams,
  body: categoryBody,
  patchBody: patchCategoryBody,
  readOnlyFields: (id) => ({
    fields: { id: 'id cannot be changed: the category is the one in the URL' },
    current: async () => {
      const category = await Category.find(id)
      return category ? categoryToWire(category) : null
    },
  }),
  creationFromWire: newCategoryFromWire,
  changesFromWire: categoryChangesFromWire,
  create: createCategory,
  update: updateCategory,
  remove: deleteCategory,
  toWire: categoryToWire,
  location: (category) => `/categories/${category.id}`,
})

export default class CategoriesController {
  async index(ctx: HttpContext) {
    const filters = await validateQuery(listCategoriesQuery, ctx)
    const query = Category.query().if(filters.search, (q) =>
      q.whereRaw(...containsAnyOf(['name', 'description'], filters.search!))
    )
    const sort = resolveSort(filters.sort, categorySortColumns, { column: 'id', direction: 'asc' })
    return paginate(query, { page: filters.page, size: filters.size, sort }, categoryToWire)
  }

  async show({ params }: HttpContext) {
    const { id } = await categoryIdParams.validate(params)
    const category = await Category.find(id)
    if (!category) throw ApiError.notFound('Category', id)
    return categoryToWire(category)
  }

  store = writes.store
  patch = writes.patch
  destroy = writes.destroy
}
