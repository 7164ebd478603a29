import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'

/*
 * A session whose password an administrator set (a new account, a reset)
 * may only do what choosing a new password takes: see who it is, change
 * the password, or log out. The rule is the API's, not only the web
 * app's, so a session-based client of an integrator (a handheld, a kiosk)
 * cannot carry on with a password someone else knows either. Integration
 * tokens have no password and are never held back.
 */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/password',
  '/api/v1/auth/logout',
])

export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED'

export function passwordChangeRequired() {
  return new ApiError(
    403,
    PASSWORD_CHANGE_REQUIRED,
    'An administrator set this password: choose your own with POST /api/v1/auth/password before anything else',
    { change_password: '/api/v1/auth/password' }
  )
}

/** Whether the route (its pattern) stays open to a session that must change its password. */
export function openDuringPasswordChange(pattern: string | undefined): boolean {
  return pattern !== undefined && PASSWORD_CHANGE_ROUTES.has(pattern)
}

export function assertPasswordChosen(principal: Principal, pattern: string | undefined) {
  if (principal.user?.mustChangePassword && !openDuringPasswordChange(pattern)) throw passwordChangeRequired()
}
