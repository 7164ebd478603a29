import type { Role } from '#access/models/user'
import type { Scope } from '#access/models/api_token'
import { signedIn } from '#tests/helpers/actors'

/** `signedIn` with the read+write scopes the catalog and stores tests were written against. */
export function sessionTokenFor(role: Role, options: { storeId?: number | null; scopes?: Scope[] } = {}) {
  return signedIn(role, options.storeId ?? (role === 'clerk' ? 1 : null), options.scopes ?? ['read', 'write'])
}
