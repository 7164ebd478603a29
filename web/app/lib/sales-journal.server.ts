// The sales journal's data: one page of sales (GET /sales, newest first) with
// the names of their stores. A clerk reads their own store's journal only;
// the API would refuse another store anyway (403), so the filter is not offered.
import { ok, type ApiClient } from './api/client.server.ts'
import { hasRole, MANAGER_ROLES, type SessionUser } from './auth/roles.ts'
import { mapPage } from './list-query.ts'
import { centsFromWire } from './money.ts'
import { SALES_JOURNAL_PAGE_SIZE, type SaleRow, type SalesJournalFilters } from './sales-journal.ts'
import { getStore, storeChoices, type StoreChoice } from './stores.server.ts'

export async function storesReadableBy(api: ApiClient, user: SessionUser): Promise<StoreChoice[]> {
  if (hasRole(user, MANAGER_ROLES)) return storeChoices(api)
  if (!user.storeId) return []
  const store = await getStore(api, user.storeId)
  return [{ id: store.id, name: store.nom }]
}

/** A store's name among `stores`, or `#id` for one the list does not hold. */
export function storeNamer(stores: readonly StoreChoice[]): (storeId: number) => string {
  const names = new Map(stores.map((store) => [store.id, store.name]))
  return (storeId) => names.get(storeId) ?? `#${storeId}`
}

/**
 * The filters as the journal applies them: a clerk's is their store's, whatever
 * ?magasin= says (so it is not "filtered" by it); a manager's unknown store is
 * named on the field and the journal shows every store.
 */
export function appliedFilters<Filters extends Pick<SalesJournalFilters, 'storeId' | 'errors'>>(asked: Filters, manager: boolean, stores: readonly StoreChoice[]): Filters {
  if (!manager) {
    const errors = { ...asked.errors }
    delete errors.magasin
    return { ...asked, storeId: null, errors }
  }
  if (asked.storeId === null || stores.some((store) => store.id === asked.storeId)) return asked
  return { ...asked, storeId: null, errors: { ...asked.errors, magasin: { key: 'form.choice' } } }
}

export async function loadSalesJournal(api: ApiClient, asked: SalesJournalFilters, user: SessionUser) {
  const manager = hasRole(user, MANAGER_ROLES)
  const stores = await storesReadableBy(api, user)
  const filters = appliedFilters(asked, manager, stores)
  const storeId = manager ? filters.storeId : user.storeId
  const query = {
    sort: 'cree_le,desc',
    ...(storeId ? { magasin_id: storeId } : {}),
    ...(filters.status ? { statut: filters.status } : {}),
    ...(filters.receipt ? { search: filters.receipt } : {}),
    ...(filters.from ? { date_debut: filters.from } : {}),
    ...(filters.to ? { date_fin: filters.to } : {}),
  }
  const [page, everySale, newest] = await Promise.all([
    ok(
      api.GET('/api/v1/sales', {
        params: { query: { ...query, size: SALES_JOURNAL_PAGE_SIZE, page: filters.page, ...(filters.upTo ? { id_max: filters.upTo } : {}) } },
      })
    ),
    // Pinned pages: how many sales came in since, to offer them.
    filters.upTo ? ok(api.GET('/api/v1/sales', { params: { query: { ...query, size: 1 } } })) : null,
    // Page 1 pins the pages after it to the highest id there is, not to its own rows': a sale
    // recorded with an earlier date (a history loaded by demo:generate) has a higher id than
    // today's, and pinning below it would hide it from every later page.
    !filters.upTo && filters.page === 1 ? ok(api.GET('/api/v1/sales', { params: { query: { ...query, sort: 'id,desc', size: 1 } } })) : null,
  ])
  const storeName = storeNamer(stores)
  const sales = mapPage(
    page,
    (sale): SaleRow => ({
      id: sale.id,
      receiptNumber: sale.numero_recu,
      createdAt: sale.cree_le,
      storeName: storeName(sale.magasin_id),
      subtotalCents: centsFromWire(sale.sous_total),
      taxesCents: centsFromWire(sale.total_taxes),
      totalCents: centsFromWire(sale.total),
      refundedCents: centsFromWire(sale.montant_rembourse),
      status: sale.statut,
    })
  )
  const upTo = filters.upTo ?? newest?.items[0]?.id ?? null
  return {
    filters,
    sales,
    upTo,
    newerSales: everySale ? Math.max(0, everySale.total - page.total) : 0,
    stores: manager ? stores : [],
    ownStore: manager ? null : (stores[0] ?? null),
  }
}
