import type { HttpContext } from '@adonisjs/core/http'
import { validateKeyedBody } from '#core/idempotency'
import { paginate, resolveSort } from '#core/pagination'
import { validateQuery } from '#core/validation'
import { containsAnyOf, prefixPattern } from '#core/search_pattern'
import ApiToken from '#access/models/api_token'
import { requireRole } from '#access/policies'
import {
  createTokenBody,
  futureInstant,
  listTokensQuery,
  tokenIdParams,
  tokenSortColumns,
} from '#access/validators/token_validators'
import { tokenToWire } from '#access/transformers/token_transformer'
import { createIntegrationToken } from '#access/actions/create_integration_token'
import { revokeIntegrationToken } from '#access/actions/revoke_integration_token'

/* Integration tokens only: session tokens belong to logins and never show here. */
export default class TokensController {
  async index(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const filters = await validateQuery(listTokensQuery, ctx)
    const query = ApiToken.query()
      .where('kind', 'integration')
      .if(filters.search, (q) =>
        q.where((w) => w.whereRaw(...containsAnyOf(['name'], filters.search!)).orWhereILike('token_prefix', prefixPattern(filters.search!)))
      )
      .if(filters.actif === true, (q) =>
        q.whereNull('revoked_at').where((w) => w.whereNull('expires_at').orWhere('expires_at', '>', new Date()))
      )
      .if(filters.actif === false, (q) =>
        q.where((w) => w.whereNotNull('revoked_at').orWhere('expires_at', '<=', new Date()))
      )
    const sort = resolveSort(filters.sort, tokenSortColumns, { column: 'id', direction: 'asc' })
    return paginate(query, { page: filters.page, size: filters.size, sort }, tokenToWire)
  }

  async store(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { body, key } = await validateKeyedBody(createTokenBody, ctx)
    const { token, record } = await createIntegrationToken(
      {
        name: body.nom,
        scopes: body.scopes,
        expiresAt: body.expire_le === undefined ? null : futureInstant(body.expire_le, 'expire_le'),
      },
      key,
      body
    )
    return ctx.response.created({ ...tokenToWire(record), token })
  }

  async destroy(ctx: HttpContext) {
    requireRole(ctx.principal, 'admin')
    const { id } = await tokenIdParams.validate(ctx.params)
    await revokeIntegrationToken({ id })
    return ctx.response.noContent()
  }
}
