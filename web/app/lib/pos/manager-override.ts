// The fields of a manager's authorisation at a clerk's register (what the
// server does with them: manager-override.server.ts). Shared: the browser
// checks them as the server does.
import type { FieldErrors } from '../forms/core.ts'

export const OVERRIDE_USERNAME = 'gerant_identifiant'
export const OVERRIDE_PASSWORD = 'gerant_mot_de_passe'
/** Set by forms that ask for the authorisation: empty fields there are refused, not ignored. */
export const OVERRIDE_ASKED = 'autorisation'

export type OverrideRequest =
  | { kind: 'none' }
  | { kind: 'incomplete'; errors: FieldErrors }
  | { kind: 'asked'; username: string; password: string }

export function overrideFrom(form: FormData): OverrideRequest {
  if (form.get(OVERRIDE_ASKED) !== 'gerant') return { kind: 'none' }
  const username = String(form.get(OVERRIDE_USERNAME) ?? '').trim()
  const password = String(form.get(OVERRIDE_PASSWORD) ?? '')
  const errors: FieldErrors = {}
  if (!username) errors[OVERRIDE_USERNAME] = { key: 'override.usernameRequired' }
  if (!password) errors[OVERRIDE_PASSWORD] = { key: 'override.passwordRequired' }
  return Object.keys(errors).length > 0 ? { kind: 'incomplete', errors } : { kind: 'asked', username, password }
}

