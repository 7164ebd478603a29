// The main navigation, by role. To add a page to the menu, add an entry here
// (its label in i18n/fr.ts and en.ts); guard the route itself in its loader
// with requireRole()/requireStoreAccess() — hiding a link is not a guard.
import type { Role, SessionUser } from './auth/roles.ts'
import type { MessageKey } from './i18n/index.ts'
import { mustChangePassword } from './auth/password-change.ts'

export interface NavItem {
  id: string
  label: MessageKey
  roles: readonly Role[]
  /** Where the entry leads for this user (clerks go to their own store). */
  href: (user: SessionUser) => string | null
  /** Folded under the management hub's dropdown when the menu is too long for one line (navRow). */
  group?: 'management'
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', label: 'nav.dashboard', roles: ['manager', 'admin'], href: () => '/' },
  { id: 'stores', label: 'nav.stores', roles: ['manager', 'admin'], href: () => '/magasins' },
  { id: 'warehouse', label: 'nav.warehouse', roles: ['manager', 'admin'], href: () => '/entrepot' },
  { id: 'replenishments', label: 'nav.replenishments', roles: ['manager', 'admin'], href: () => '/reapprovisionnements' },
  { id: 'reports', label: 'nav.reports', roles: ['manager', 'admin'], href: () => '/rapports' },
  {
    id: 'registers',
    label: 'nav.registers',
    roles: ['clerk'],
    href: (user) => (user.storeId ? `/magasins/${user.storeId}/caisses` : null),
  },
  {
    id: 'stock',
    label: 'nav.stock',
    roles: ['clerk'],
    href: (user) => (user.storeId ? `/magasins/${user.storeId}/stock` : null),
  },
  // Everyone's: a clerk's journal is their store's (the loader sees to it).
  { id: 'sales', label: 'nav.sales', roles: ['clerk', 'manager', 'admin'], href: () => '/ventes' },
  { id: 'management', label: 'nav.management', roles: ['manager', 'admin'], href: () => '/gestion', group: 'management' },
  { id: 'products', label: 'nav.products', roles: ['manager', 'admin'], href: () => '/produits', group: 'management' },
  { id: 'users', label: 'nav.users', roles: ['admin'], href: () => '/utilisateurs', group: 'management' },
  { id: 'tokens', label: 'nav.tokens', roles: ['admin'], href: () => '/jetons', group: 'management' },
]

export interface NavLink {
  id: string
  label: MessageKey
  href: string
  group?: 'management'
}

/**
 * A manager's eight entries share one line with the user's at 1280 px; an administrator's ten
 * pushed EN, their name and « Se déconnecter » onto a second line, even at 1366 px.
 */
export const ONE_ROW_MAX = 8

export type NavEntry = { kind: 'link'; link: NavLink } | { kind: 'group'; id: 'management'; label: MessageKey; links: NavLink[] }

/**
 * The top bar's entries: as they come while they fit one row; past ONE_ROW_MAX, the management
 * hub and the pages it lists (products, users, API tokens) fold into one « Gestion » dropdown, where
 * the hub's own entry comes first.
 */
export function navRow(links: readonly NavLink[]): NavEntry[] {
  if (links.length <= ONE_ROW_MAX) return links.map((link) => ({ kind: 'link', link }))
  const entries: NavEntry[] = []
  for (const link of links) {
    if (!link.group) {
      entries.push({ kind: 'link', link })
      continue
    }
    // In the dropdown named « Gestion », the hub's own page is its overview.
    const member = link.id === 'management' ? { ...link, label: 'nav.managementOverview' as const } : link
    const group = entries.find((entry) => entry.kind === 'group' && entry.id === link.group)
    if (group?.kind === 'group') group.links.push(member)
    else entries.push({ kind: 'group', id: link.group, label: 'nav.management', links: [member] })
  }
  return entries
}

export function navFor(user: SessionUser | null, items: readonly NavItem[] = NAV_ITEMS): NavLink[] {
  // Until a password an administrator set is replaced, every page leads back to /compte: no menu.
  if (!user || mustChangePassword(user)) return []
  return items.flatMap((item) => {
    if (!item.roles.includes(user.role)) return []
    const href = item.href(user)
    return href ? [{ id: item.id, label: item.label, href, ...(item.group ? { group: item.group } : {}) }] : []
  })
}

/** Where a user lands after signing in: a clerk at their store's registers. */
export function homeFor(user: SessionUser): string {
  return user.role === 'clerk' && user.storeId ? `/magasins/${user.storeId}/caisses` : '/'
}
