// A manager authorises, at a clerk's register, what only a manager may do
// there — a return after the clerk's return period. The manager types their
// own identifier and password into the clerk's form: the web app signs them
// in to the API for that one action, makes it with their token (the API
// records the manager as its author) and signs them out again. The clerk's
// session is untouched, nothing of the manager's is kept, and the password is
// never sent back to the page. Wrong passwords count against the sign-in
// limits like any other (the API's, per account and per address).
import { ApiError, ok, type ApiClient } from '../api/client.server.ts'
import { apiErrorMessage } from '../api/errors.ts'
import { hasRole, MANAGER_ROLES } from '../auth/roles.ts'
import type { FieldErrors } from '../forms/core.ts'
import type { Message } from '../i18n/index.ts'
import { OVERRIDE_PASSWORD, OVERRIDE_USERNAME } from './manager-override.ts'

export interface OverrideClients {
  /** For the sign-in: no token, the clerk's address (the sign-in limits count it). */
  anonymous: ApiClient
  withToken: (token: string) => ApiClient
}

/** Why the manager's authorisation did not go through, as the form shows it. */
export interface OverrideRefusal {
  ok: false
  status: number
  error?: Message
  fieldErrors?: FieldErrors
}

export type Authorisation = { ok: true; api: ApiClient; managerName: string; signOut: () => Promise<void> } | OverrideRefusal

/** Signs the manager in for one action: their API client, and the sign-out to call once it is done. */
export async function authoriseManager(clients: OverrideClients, asked: { username: string; password: string }): Promise<Authorisation> {
  let login
  try {
    login = await ok(clients.anonymous.POST('/api/v1/auth/login', { body: { identifiant: asked.username, mot_de_passe: asked.password } }))
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 401) return { ok: false, status: 422, fieldErrors: { [OVERRIDE_PASSWORD]: { key: 'override.invalid' } } }
    if (error.status === 429) return { ok: false, status: 429, error: apiErrorMessage(error.envelope) }
    throw error
  }
  const api = clients.withToken(login.token)
  // A failed sign-out leaves a token that expires by itself; the action's outcome stands.
  const signOut = async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined)
  }
  const user = login.utilisateur
  const refusal: Message | null = !hasRole(user, MANAGER_ROLES)
    ? { key: 'override.notManager' }
    : user.doit_changer_mot_de_passe
      ? { key: 'override.mustChangePassword' }
      : null
  if (refusal) {
    await signOut()
    return { ok: false, status: 403, fieldErrors: { [OVERRIDE_USERNAME]: refusal } }
  }
  return { ok: true, api, managerName: user.nom_complet, signOut }
}
