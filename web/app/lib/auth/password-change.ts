// A user whose password an administrator set (a new account, a reset) must
// choose their own before anything else. The API refuses every other call
// of such a session (403 PASSWORD_CHANGE_REQUIRED); the web app sends the
// user to /compte first, so they see why instead of a refusal page.
import type { SessionUser } from './roles.ts'

export const ACCOUNT_PATH = '/compte'

/** The API's error code for a call made before the password was changed. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED'

export function mustChangePassword(user: SessionUser | null): boolean {
  return user?.mustChangePassword === true
}

/** Where a signed-in user must go instead of `pathname`, or null when they may stay. */
export function passwordChangeDetour(user: SessionUser, pathname: string): string | null {
  return mustChangePassword(user) && pathname !== ACCOUNT_PATH ? ACCOUNT_PATH : null
}
