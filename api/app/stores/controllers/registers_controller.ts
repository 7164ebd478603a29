import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { validateBody, validateQuery } from '#core/validation'
import { assertStoreAccess, requireRole } from '#access/policies'
import Register from '#stores/models/register'
import Store from '#stores/models/store'
import { registerToWire } from '#stores/transformers/register_transformer'
import { createRegister } from '#stores/actions/create_register'
import { storeIdParams } from '#stores/validators/store_validators'
import { createRegisterBody, listRegistersQuery, registerSortColumns } from '#stores/validators/register_validators'

export default class RegistersController {
  /** A clerk sees the registers of their own store only. */
  async index(ctx: HttpContext) {
    const { id } = await storeIdParams.validate(ctx.params)
    assertStoreAccess(ctx.principal, id)
    const filters = await validateQuery(listRegistersQuery, ctx)
    if (!(await Store.find(id))) throw ApiError.notFound('Store', id)
    const sort = resolveSort(filters.sort, registerSortColumns, { column: 'number', direction: 'asc' })
    return paginate(
      Register.query().where('store_id', id),
      { page: filters.page, size: filters.size, sort },
      registerToWire
    )
  }

  async store(ctx: HttpContext) {
    requireRole(ctx.principal, 'manager', 'admin')
    const { id } = await storeIdParams.validate(ctx.params)
    const body = await validateBody(createRegisterBody, ctx)
    const register = await createRegister(id, { number: body.numero, name: body.nom, isActive: body.actif })
    return ctx.response.created(registerToWire(register))
  }
}
