import { ApiError } from '#core/api_error'
import type { Principal } from '#access/principal'
import type { Role } from '#access/models/user'
import type { Scope } from '#access/models/api_token'

/*
 * Role rules shared by every module. Integration tokens are governed by
 * their scopes alone; session tokens also by their user's role and store.
 */

/** Refuses a user whose role is not listed (integration tokens pass: scopes already apply). */
export function requireRole(principal: Principal, ...roles: Role[]) {
  if (principal.user && !roles.includes(principal.user.role)) {
    throw ApiError.forbidden(`This action needs the role ${roles.join(' or ')}`, {
      required_roles: roles,
      role: principal.user.role,
    })
  }
}

/** The scopes a session token gets at login, from its user's role. */
export function scopesForRole(role: Role): Scope[] {
  switch (role) {
    case 'clerk':
      return ['read', 'write']
    case 'manager':
      return ['read', 'write', 'reports']
    case 'admin':
      return ['read', 'write', 'reports', 'admin']
  }
}

/**
 * An administrator cannot lock themselves out: deactivating, demoting or
 * deleting one's own account is refused (another admin must do it).
 */
export function assertNotOwnAccount(principal: Principal, userId: number, action: string) {
  if (principal.user?.id === userId) {
    throw ApiError.conflict('INVALID_TRANSITION', `You cannot ${action} your own account`, {
      user_id: userId,
      action,
    })
  }
}

/**
 * A clerk counts the drawer blind (ADR 0026): while a session is open, no
 * amount from which its expected cash follows (X report, a refused cash
 * refund). Managers, admins and integrations see them.
 */
export function countsBlind(principal: Principal) {
  return principal.user?.role === 'clerk'
}

/** A clerk works in one store only; managers, admins and integrations see every store. */
export function canAccessStore(principal: Principal, storeId: number) {
  return !principal.user || principal.user.role !== 'clerk' || principal.user.storeId === storeId
}

export function assertStoreAccess(principal: Principal, storeId: number) {
  if (!canAccessStore(principal, storeId)) {
    throw ApiError.forbidden('A clerk can only act on their own store', {
      store_id: storeId,
      own_store_id: principal.user?.storeId ?? null,
    })
  }
}

/** The store a clerk is bound to, or null for users and tokens that see all stores. */
export function storeScope(principal: Principal): number | null {
  return principal.user?.role === 'clerk' ? principal.user.storeId : null
}
