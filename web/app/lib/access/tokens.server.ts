// Integration tokens (administrators): the list, creation and revocation.
// The API shows a new token's secret once, in its creation answer; the
// action hands it to the next page through a one-time cookie (new-token.server.ts).
import { ApiError, ok, type ApiClient } from '../api/client.server.ts'
import { idempotencyHeaderFrom } from '../form-key.server.ts'
import { tokenState, type TokenInput } from '../forms/access.ts'
import { ACTIVE_FILTERS, actifQuery, oneOf, pageFrom, type ActiveFilter } from '../list-query.ts'

export const TOKENS_PAGE_SIZE = 25

export interface TokenFilters {
  status: ActiveFilter
  page: number
}

export function tokenFilters(url: URL): TokenFilters {
  return { status: oneOf(url.searchParams.get('statut'), ACTIVE_FILTERS, 'tous'), page: pageFrom(url.searchParams.get('page')) }
}

export async function loadTokens(api: ApiClient, filters: TokenFilters) {
  const page = await ok(
    api.GET('/api/v1/tokens', {
      params: { query: { page: filters.page, size: TOKENS_PAGE_SIZE, sort: 'cree_le,desc', ...actifQuery(filters.status) } },
    })
  )
  const now = Date.now()
  return {
    page: page.page,
    size: page.size,
    total: page.total,
    items: page.items.map((token) => ({
      id: token.id,
      name: token.nom,
      prefix: token.prefixe,
      scopes: token.scopes,
      createdAt: token.cree_le,
      lastUsedAt: token.derniere_utilisation,
      expiresAt: token.expire_le,
      revokedAt: token.revoque_le,
      state: tokenState(token, now),
    })),
  }
}

/**
 * `form` carries the Idempotency-Key rendered with the creation form (see
 * form-key.server.ts): a double submit or a browser's retry mints one token.
 */
export async function createToken(api: ApiClient, input: TokenInput, form: FormData) {
  return ok(
    api.POST('/api/v1/tokens', {
      ...idempotencyHeaderFrom(form),
      body: { nom: input.name, scopes: input.scopes, ...(input.lastDay ? { expire_le: input.lastDay } : {}) },
    })
  )
}

/**
 * The token an earlier copy of the same form created, when the API refuses
 * this copy for that reason (409 IDEMPOTENCY_CONFLICT naming it): its secret
 * was shown once, to the copy that created it, and never will be again.
 */
export function tokenAlreadyCreated(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'IDEMPOTENCY_CONFLICT') return null
  const id = (error.envelope.details as { token_id?: unknown } | null)?.token_id
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null
}

/** Idempotent on the API side: revoking twice keeps the first revocation time. */
export async function revokeToken(api: ApiClient, id: number) {
  await ok(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } }))
}
