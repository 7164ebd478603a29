// Stores and registers as the pages need them. The register → store mapping
// is found through GET /stores/{id}/registers (one call lists a store's
// registers) and kept in memory: a register never moves to another store, so
// the mapping cannot go stale (a miss simply looks again).
import { ok, okOrNull, type ApiClient } from './api/client.server.ts'
import type { components } from './api/schema'
import type { SessionUser } from './auth/roles.ts'

export type Store = components['schemas']['Store']
/** A store with the taxes it collects (GET /stores/{id}; the list leaves them out). */
export type StoreDetail = components['schemas']['StoreDetail']
export type Register = components['schemas']['Register']
export type RegisterSession = components['schemas']['RegisterSession']

const registers = new Map<number, Register>()
const stores = new Map<number, { store: StoreDetail; at: number }>()
const STORE_TTL_MS = 5 * 60 * 1000
const MAX_STORES = 500

export async function listStores(api: ApiClient): Promise<{ items: Store[]; total: number }> {
  // Not cached for getStore(): the list's stores come without their taxes.
  const page = await ok(api.GET('/api/v1/stores', { params: { query: { size: 100, sort: 'id,asc' } } }))
  return { items: page.items, total: page.total }
}

/** A store as a select offers it. */
export interface StoreChoice {
  id: number
  name: string
}

/** The stores for a select (a list's filter, a user's store), by name in French order. */
export async function storeChoices(api: ApiClient): Promise<StoreChoice[]> {
  const { items } = await listStores(api)
  return items.map(({ id, nom }) => ({ id, name: nom })).sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'))
}

/**
 * One store (name, address, taxes) — cached a few minutes: pages show it on
 * every request, and a rate changed meanwhile only skews the POS preview
 * (the API charges its own; a refused sale forgets the store).
 */
export async function getStore(api: ApiClient, storeId: number): Promise<StoreDetail> {
  const cached = stores.get(storeId)
  if (cached && Date.now() - cached.at < STORE_TTL_MS) return cached.store
  const store = await ok(api.GET('/api/v1/stores/{id}', { params: { path: { id: storeId } } }))
  if (stores.size > MAX_STORES) stores.clear()
  stores.set(storeId, { store, at: Date.now() })
  return store
}

/** Forgets a cached store (after a sale is refused: its rates may have changed). */
export function forgetStore(storeId: number): void {
  stores.delete(storeId)
}

export async function listRegisters(api: ApiClient, storeId: number): Promise<Register[]> {
  const page = await ok(
    api.GET('/api/v1/stores/{id}/registers', { params: { path: { id: storeId }, query: { size: 100 } } })
  )
  for (const register of page.items) registers.set(register.id, register)
  return [...page.items].sort((a, b) => a.numero - b.numero)
}

export type RegisterLookup =
  | { kind: 'found'; register: Register }
  | { kind: 'forbidden' }
  | { kind: 'missing' }

/**
 * Which store a register belongs to. A clerk only scans their own store; a
 * register elsewhere is "forbidden" when the API says it exists.
 */
export async function findRegister(api: ApiClient, user: SessionUser, registerId: number): Promise<RegisterLookup> {
  const known = registers.get(registerId)
  if (known) {
    return user.role === 'clerk' && known.magasin_id !== user.storeId ? { kind: 'forbidden' } : { kind: 'found', register: known }
  }
  if (user.role === 'clerk' && user.storeId !== null) {
    const own = await listRegisters(api, user.storeId)
    const found = own.find((register) => register.id === registerId)
    if (found) return { kind: 'found', register: found }
    // Not ours: the API tells a register of another store (403) from none at all (404).
    const probe = await api.GET('/api/v1/registers/{id}/sessions/current', { params: { path: { id: registerId }, query: { rapport: false } } })
    return probe.response.status === 403 ? { kind: 'forbidden' } : { kind: 'missing' }
  }
  const { items } = await listStores(api)
  await Promise.all(items.map((store) => listRegisters(api, store.id)))
  const found = registers.get(registerId)
  return found ? { kind: 'found', register: found } : { kind: 'missing' }
}

// An inactive register never has a drawer session (a register is created
// inactive and never reactivated), and the API refuses to look for one (422,
// "register is inactive"): asking would turn a store's page into an error page.

/**
 * The register's open drawer session with its X report (a clerk's: its counts only, ADR 0026),
 * or null when it is closed (or the register inactive).
 */
export async function currentSession(api: ApiClient, register: Register): Promise<RegisterSession | null> {
  if (!register.actif) return null
  return okOrNull(api.GET('/api/v1/registers/{id}/sessions/current', { params: { path: { id: register.id } } }))
}

/** The register's open drawer session without its report (which reads every sale of the session), or null. */
export async function currentSessionSummary(api: ApiClient, register: Register): Promise<RegisterSession | null> {
  if (!register.actif) return null
  return okOrNull(api.GET('/api/v1/registers/{id}/sessions/current', { params: { path: { id: register.id }, query: { rapport: false } } }))
}
