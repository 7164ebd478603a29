import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import Store from '#stores/models/store'
import { storeToWire } from '#stores/transformers/store_transformer'
import { listStoresQuery, storeIdParams, storeSortColumns } from '#stores/validators/store_validators'

export default class StoresController {
  async index({ request }: HttpContext) {
    const filters = await listStoresQuery.validate(request.qs())
    const query = Store.query().if(filters.search, (q) =>
      q.where((w) =>
        w
          .whereILike('name', `%${filters.search}%`)
          .orWhereILike('address', `%${filters.search}%`)
          .orWhereILike('email', `%${filters.search}%`)
      )
    )
    const sort = resolveSort(filters.sort, storeSortColumns, { column: 'id', direction: 'asc' })
    return paginate(query, { page: filters.page, size: filters.size, sort }, storeToWire)
  }

  async show({ params }: HttpContext) {
    const { id } = await storeIdParams.validate(params)
    const store = await Store.find(id)
    if (!store) throw ApiError.notFound('Store', id)
    return storeToWire(store)
  }
}
