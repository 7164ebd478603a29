import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import { cached, cacheKey, Tags, TTL } from '#core/cache'
import { paginate, resolveSort } from '#core/pagination'
import { validateBody, validateQuery } from '#core/validation'
import { containsAnyOf } from '#core/search_pattern'
import { requireRole } from '#access/policies'
import { managerWrites } from '#access/manager_writes'
import Store from '#stores/models/store'
import { storeToWire } from '#stores/transformers/store_transformer'
import { storeDetail } from '#stores/queries/store_detail'
import { createStore } from '#stores/actions/create_store'
import { updateStore } from '#stores/actions/update_store'
import { deleteStore } from '#stores/actions/delete_store'
import {
  listStoresQuery,
  patchStoreBody,
  storeBody,
  storeChangesFromWire,
  storeContactInput,
  storeIdParams,
  storeNameParams,
  newStoreFromWire,
  storeSortColumns,
} from '#stores/validators/store_validators'

/* Empty strings count as missing, like NULL. */
const filled = (column: 'phone' | 'email' | 'address') => `coalesce(${column}, '') <> ''`

const writes = managerWrites({
  idParams: storeIdParams,
  body: storeBody,
  patchBody: patchStoreBody,
  readOnlyFields: (id) => ({
    fields: {
      id: 'id cannot be changed: the store is the one in the URL',
      taxes: 'taxes cannot be changed by updating the store: its tax rates and registration numbers are not written through the API',
    },
    current: () => storeDetail(id),
  }),
  creationFromWire: newStoreFromWire,
  changesFromWire: storeChangesFromWire,
  create: createStore,
  update: updateStore,
  remove: deleteStore,
  toWire: storeToWire,
  location: (store) => `/stores/${store.id}`,
})

export default class StoresController {
  async index(ctx: HttpContext) {
    // A read the original API had: a query parameter it does not know is ignored, as it was.
    const filters = await validateQuery(listStoresQuery, ctx, { unknownParameters: 'ignore' })
    return cached(cacheKey('stores:list', filters), { ttl: TTL.catalog, tags: [Tags.stores] }, () => {
      const query = Store.query().if(filters.search, (q) =>
      q.whereRaw(...containsAnyOf(['name', 'address', 'email'], filters.search!))
    )
      const sort = resolveSort(filters.sort, storeSortColumns, { column: 'id', direction: 'asc' })
      return paginate(query, { page: filters.page, size: filters.size, sort }, storeToWire)
    })
  }

  /** One store with its tax rates (`taxes`); the other store routes keep the original's fields only. */
  async show({ params }: HttpContext) {
    const { id } = await storeIdParams.validate(params)
    const store = await cached(cacheKey(`stores:${id}:detail`), { ttl: TTL.catalog, tags: [Tags.stores] }, () => storeDetail(id))
    if (!store) throw ApiError.notFound('Store', id)
    return store
  }

  async byName({ params }: HttpContext) {
    const { name } = await storeNameParams.validate(params)
    const store = await Store.findBy('name', name)
    if (!store) throw ApiError.notFound('Store', name)
    return storeToWire(store)
  }

  /** Stores reachable by telephone or e-mail (the original's /with-contact/). */
  async withContact() {
    const stores = await Store.query()
      .whereRaw(`(${filled('phone')} OR ${filled('email')})`)
      .orderBy('id')
    return stores.map(storeToWire)
  }

  /** Stores with telephone, e-mail and address all filled in. */
  async completeContact() {
    const stores = await Store.query()
      .whereRaw(filled('phone'))
      .whereRaw(filled('email'))
      .whereRaw(filled('address'))
      .orderBy('id')
    return stores.map(storeToWire)
  }

  store = writes.store
  patch = writes.patch
  destroy = writes.destroy

  /** The original read `email` and `telephone` from the query string; a JSON body is accepted too. */
  async updateContact(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await storeIdParams.validate(ctx.params)
    const fromQuery = await validateQuery(storeContactInput, ctx)
    const fromBody = await validateBody(storeContactInput, ctx)
    const twice = Object.keys(fromQuery).filter((field) => field in fromBody)
    if (twice.length > 0) {
      throw new errors.E_VALIDATION_ERROR(
        twice.map((field) => ({ field, message: `Send ${field} in the query string or the body, not both`, rule: 'sentTwice' }))
      )
    }
    return storeToWire(await updateStore(id, storeChangesFromWire({ ...fromQuery, ...fromBody })))
  }
}
