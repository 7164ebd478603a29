import type { HttpContext } from '@adonisjs/core/http'
import { created } from '#core/created'
import { ApiError } from '#core/api_error'
import { paginate, resolveSort } from '#core/pagination'
import { validateBody, validateQuery } from '#core/validation'
import { validateKeyedBody } from '#core/idempotency'
import { containsAnyOf } from '#core/search_pattern'
import User from '#access/models/user'
import { requireRole } from '#access/policies'
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  userIdParams,
  userSortColumns,
} from '#access/validators/user_validators'
import { userToWire } from '#access/transformers/user_transformer'
import { createUser } from '#access/actions/create_user'
import { updateUser } from '#access/actions/update_user'
import { removeUser } from '#access/actions/remove_user'

/* Routes require the admin scope; a session must also belong to an admin. */
export default class UsersController {
  async index(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const filters = await validateQuery(listUsersQuery, ctx)
    const query = User.query()
      .if(filters.search, (q) => q.whereRaw(...containsAnyOf(['username', 'email', 'full_name'], filters.search!)))
      .if(filters.role, (q) => q.where('role', filters.role!))
      .if(filters.magasin_id, (q) => q.where('store_id', filters.magasin_id!))
      .if(filters.actif !== undefined, (q) => q.where('is_active', filters.actif!))
    const sort = resolveSort(filters.sort, userSortColumns, { column: 'id', direction: 'asc' })
    return paginate(query, { page: filters.page, size: filters.size, sort }, userToWire)
  }

  async show(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { id } = await userIdParams.validate(ctx.params)
    const user = await User.find(id)
    if (!user) throw ApiError.notFound('User', id)
    return userToWire(user)
  }

  async store(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { body, key } = await validateKeyedBody(createUserBody, ctx)
    const { model: user, replayed } = await createUser({
      username: body.nom_utilisateur,
      email: body.email,
      fullName: body.nom_complet,
      role: body.role,
      storeId: body.magasin_id ?? null,
      password: body.mot_de_passe,
      isActive: body.actif ?? true,
    }, key)
    if (replayed) {
      ctx.response.header('Idempotent-Replayed', 'true')
      return userToWire(user)
    }
    return created(ctx, `/users/${user.id}`, userToWire(user))
  }

  async update(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { id } = await userIdParams.validate(ctx.params)
    const body = await validateBody(updateUserBody, ctx)
    const user = await updateUser(ctx.principal, id, {
      username: body.nom_utilisateur,
      email: body.email,
      fullName: body.nom_complet,
      role: body.role,
      storeId: body.magasin_id,
      password: body.mot_de_passe,
      isActive: body.actif,
    })
    return userToWire(user)
  }

  /** 204 when the account was deleted; 200 with the account when it had to be kept and was deactivated. */
  async destroy(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { id } = await userIdParams.validate(ctx.params)
    const removal = await removeUser(ctx.principal, id)
    if (removal.outcome === 'deleted') return ctx.response.noContent()
    return { ...userToWire(removal.user), reference_par: removal.referencedBy }
  }
}
