import type ApiToken from '#access/models/api_token'
import type { Scope } from '#access/models/api_token'
import { instantToWire } from '#core/instants'

/** An integration token as administrators see it: never the secret, never its hash. */
export interface TokenWire {
  id: number
  nom: string
  prefixe: string
  scopes: Scope[]
  cree_le: string
  derniere_utilisation: string | null
  expire_le: string | null
  revoque_le: string | null
}

export function tokenToWire(token: ApiToken): TokenWire {
  return {
    id: token.id,
    nom: token.name,
    prefixe: token.tokenPrefix,
    scopes: token.scopes,
    cree_le: instantToWire(token.createdAt),
    derniere_utilisation: instantToWire(token.lastUsedAt),
    expire_le: instantToWire(token.expiresAt),
    revoque_le: instantToWire(token.revokedAt),
  }
}
