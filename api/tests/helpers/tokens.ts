import { issueToken } from '#access/services/token_service'
import type { Scope } from '#access/models/api_token'

/** A fresh integration token with the given scopes (created inside the test's transaction). */
export async function tokenWith(scopes: Scope[] = ['read']) {
  const { token } = await issueToken({ name: `test-${scopes.join('-') || 'none'}`, scopes })
  return token
}
