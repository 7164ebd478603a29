import type { HttpContext } from '@adonisjs/core/http'
import { validateKeyedBody } from '#core/idempotency'
import { created } from '#core/created'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { validateQuery } from '#core/validation'
import { containsAnyOf } from '#core/search_pattern'
import { assertStoreAccess, requireRole } from '#access/policies'
import Register from '#stores/models/register'
import Store from '#stores/models/store'
import { registerToWire } from '#stores/transformers/register_transformer'
import { createRegister } from '#stores/actions/create_register'
import { storeIdParams } from '#stores/validators/store_validators'
import {
  createRegisterBody,
  listRegistersQuery,
  registerIdParams,
  registerSortColumns,
} from '#stores/validators/register_validators'
import { registerDetail } from '#stores/queries/register_detail'

/* A register number as typed in a search (1–999). */
const REGISTER_NUMBER = /^\d{1,3}$/

export default class RegistersController {
  /** A clerk sees the registers of their own store only. */
  async index(ctx: HttpContext) {
    const { id } = await storeIdParams.validate(ctx.params)
    assertStoreAccess(ctx.principal, id)
    const filters = await validateQuery(listRegistersQuery, ctx)
    if (!(await Store.find(id))) throw ApiError.notFound('Store', id)
    const sort = resolveSort(filters.sort, registerSortColumns, { column: 'number', direction: 'asc' })
    const query = Register.query()
      .where('store_id', id)
      .if(filters.search, (q) =>
        q.where((w) =>
          w
            .whereRaw(...containsAnyOf(['name'], filters.search!))
            .if(REGISTER_NUMBER.test(filters.search!), (n) => n.orWhere('number', Number(filters.search)))
        )
      )
    return paginate(
      query,
      { page: filters.page, size: filters.size, sort },
      registerToWire
    )
  }

  /** A register with its store and whether its drawer is open (a clerk: their own store only). */
  async show(ctx: HttpContext) {
    const { id } = await registerIdParams.validate(ctx.params)
    const register = await registerDetail(id)
    if (!register) throw ApiError.notFound('Register', id)
    assertStoreAccess(ctx.principal, register.magasin_id)
    return register
  }

  async store(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await storeIdParams.validate(ctx.params)
    const { body, key } = await validateKeyedBody(createRegisterBody, ctx)
    const { register, replayed } = await createRegister(id, { number: body.numero, name: body.nom, isActive: body.actif }, key)
    if (replayed) {
      ctx.response.header('Idempotent-Replayed', 'true')
      return registerToWire(register)
    }
    return created(ctx, `/registers/${register.id}`, registerToWire(register))
  }
}
