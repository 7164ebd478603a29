// User accounts for the administrators' pages. The API enforces the rules
// (a clerk has a store, an administrator cannot lock themselves out, the last
// administrator stays); these functions only shape what the pages need.
import { ok, type ApiClient } from '../api/client.server.ts'
import type { components } from '../api/schema'
import { ROLES, type Role } from '../auth/roles.ts'
import type { UserInput } from '../forms/access.ts'
import { ACTIVE_FILTERS, actifQuery, oneOf, pageFrom, positiveId, searchFrom, type ActiveFilter } from '../list-query.ts'
import { storeChoices } from '../stores.server.ts'
import { idempotencyHeaderFrom } from '../form-key.server.ts'

type UserWire = components['schemas']['User']

export const USERS_PAGE_SIZE = 25

export interface UserFilters {
  search: string
  role: Role | null
  storeId: number | null
  status: ActiveFilter
  page: number
}

export function userFilters(url: URL): UserFilters {
  const role = url.searchParams.get('role')
  return {
    search: searchFrom(url.searchParams.get('q'), 100),
    role: (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : null,
    storeId: positiveId(url.searchParams.get('magasin')),
    status: oneOf(url.searchParams.get('statut'), ACTIVE_FILTERS, 'tous'),
    page: pageFrom(url.searchParams.get('page')),
  }
}

function row(user: UserWire, stores: Map<number, string>) {
  return {
    id: user.id,
    username: user.nom_utilisateur,
    fullName: user.nom_complet,
    email: user.email,
    role: user.role,
    store: user.magasin_id === null ? null : (stores.get(user.magasin_id) ?? `#${user.magasin_id}`),
    active: user.actif,
    /** An administrator set the password: the user must choose their own at next sign-in. */
    mustChangePassword: user.doit_changer_mot_de_passe,
  }
}

export async function loadUsers(api: ApiClient, filters: UserFilters) {
  const [stores, page] = await Promise.all([
    storeChoices(api),
    ok(
      api.GET('/api/v1/users', {
        params: {
          query: {
            page: filters.page,
            size: USERS_PAGE_SIZE,
            sort: 'nom_utilisateur,asc',
            ...(filters.search ? { search: filters.search } : {}),
            ...(filters.role ? { role: filters.role } : {}),
            ...(filters.storeId ? { magasin_id: filters.storeId } : {}),
            ...actifQuery(filters.status),
          },
        },
      })
    ),
  ])
  const names = new Map(stores.map((store) => [store.id, store.name]))
  return { stores, users: { page: page.page, size: page.size, total: page.total, items: page.items.map((user) => row(user, names)) } }
}

export async function loadUser(api: ApiClient, id: number) {
  const [user, stores] = await Promise.all([ok(api.GET('/api/v1/users/{id}', { params: { path: { id } } })), storeChoices(api)])
  return {
    stores,
    user: {
      ...row(user, new Map(stores.map((store) => [store.id, store.name]))),
      values: {
        nom_utilisateur: user.nom_utilisateur,
        nom_complet: user.nom_complet,
        email: user.email,
        role: user.role,
        magasin_id: user.magasin_id === null ? '' : String(user.magasin_id),
      } as Record<string, string>,
    },
  }
}

function profileBody(input: UserInput) {
  return {
    nom_utilisateur: input.username,
    nom_complet: input.fullName,
    email: input.email,
    role: input.role,
    magasin_id: input.storeId,
  }
}

/** `form` carries the Idempotency-Key rendered with the creation form (see form-key.server.ts). */
export async function createUser(api: ApiClient, input: UserInput, form: FormData) {
  return ok(api.POST('/api/v1/users', { ...idempotencyHeaderFrom(form), body: { ...profileBody(input), mot_de_passe: input.password ?? '' } }))
}

/** A new password, a new role or store, or a deactivation ends the user's open sessions (API rule). */
/** `fields`: the form fields to save (an edit sends only what it changed, lib/forms/edit-merge.ts); a new password always. */
export async function updateUser(api: ApiClient, id: number, input: UserInput, fields: readonly string[]) {
  const profile = Object.fromEntries(Object.entries(profileBody(input)).filter(([field]) => fields.includes(field)))
  return ok(
    api.PATCH('/api/v1/users/{id}', {
      params: { path: { id } },
      body: { ...profile, ...(input.password ? { mot_de_passe: input.password } : {}) },
    })
  )
}

export async function setUserActive(api: ApiClient, id: number, active: boolean) {
  return ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { actif: active } }))
}
