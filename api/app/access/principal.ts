import type { Role } from '#access/models/user'
import type { Scope } from '#access/models/api_token'

/** Who is calling: the token that authenticated the request and, for a session, its user. */
export interface Principal {
  tokenId: number
  tokenName: string
  kind: 'integration' | 'session'
  scopes: ReadonlySet<Scope>
  user: {
    id: number
    username: string
    role: Role
    storeId: number | null
    /** An administrator set the password: the session may only change it (see #access/password_gate). */
    mustChangePassword: boolean
  } | null
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    principal: Principal
  }
}
