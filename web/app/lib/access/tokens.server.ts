// Integration tokens (administrators): the list, creation and revocation.
// The API shows a new token's secret once, in its creation answer; the
// action hands it to the next page through a one-time cookie (new-token.server.ts).
import { ok, type ApiClient } from '../api/client.server.ts'
import { expiryInstant, tokenState, type TokenInput } from '../forms/access.ts'
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

export async function createToken(api: ApiClient, input: TokenInput) {
  return ok(
    api.POST('/api/v1/tokens', {
      body: { nom: input.name, scopes: input.scopes, ...(input.lastDay ? { expire_le: expiryInstant(input.lastDay) } : {}) },
    })
  )
}

/** Idempotent on the API side: revoking twice keeps the first revocation time. */
export async function revokeToken(api: ApiClient, id: number) {
  await ok(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } }))
}
