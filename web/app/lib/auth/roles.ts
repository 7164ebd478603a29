// Roles as the API defines them (api/app/access/policies.ts), for the pages'
// guards and navigation. The API enforces the same rules on every call; the
// web app checks them first so a clerk gets a clear 403 page, not a broken one.

export type Role = 'clerk' | 'manager' | 'admin'
export const MANAGER_ROLES: readonly Role[] = ['manager', 'admin']
/** Users and API tokens: administrators only (the API requires the admin scope). */
export const ADMIN_ROLES: readonly Role[] = ['admin']
export const ROLES: readonly Role[] = ['clerk', 'manager', 'admin']

/** What the browser may know about the signed-in user (never the token). */
export interface SessionUser {
  id: number
  username: string
  fullName: string
  role: Role
  /** The clerk's store; null for managers and admins (they see every store). */
  storeId: number | null
  /**
   * An administrator set the password (new account, reset): every page but
   * /compte sends the user there until they choose their own. Absent from
   * sessions opened before the flag existed (read as false).
   */
  mustChangePassword?: boolean
}

export function canAccessStore(user: SessionUser, storeId: number): boolean {
  return user.role !== 'clerk' || user.storeId === storeId
}

export function hasRole(user: Pick<SessionUser, 'role'>, roles: readonly Role[]): boolean {
  return roles.includes(user.role)
}
