// The sales journal's data: one page of sales (GET /sales, newest first) with
// the names of their stores. A clerk reads their own store's journal only;
// the API would refuse another store anyway (403), so the filter is not offered.
import { ok, type ApiClient } from './api/client.server.ts'
import { hasRole, MANAGER_ROLES, type SessionUser } from './auth/roles.ts'
import { mapPage } from './list-query.ts'
import { centsFromWire } from './money.ts'
import { SALES_JOURNAL_PAGE_SIZE, type SaleRow, type SalesJournalFilters } from './sales-journal.ts'
import { getStore, listStores } from './stores.server.ts'

async function storesReadableBy(api: ApiClient, user: SessionUser) {
  if (hasRole(user, MANAGER_ROLES)) {
    const { items } = await listStores(api)
    return [...items].sort((a, b) => a.nom.localeCompare(b.nom, 'fr-CA')).map(({ id, nom }) => ({ id, name: nom }))
  }
  if (!user.storeId) return []
  const store = await getStore(api, user.storeId)
  return [{ id: store.id, name: store.nom }]
}

export async function loadSalesJournal(api: ApiClient, filters: SalesJournalFilters, user: SessionUser) {
  const manager = hasRole(user, MANAGER_ROLES)
  // A clerk's journal is their store's, whatever ?magasin= says.
  const storeId = manager ? filters.storeId : user.storeId
  const [stores, page] = await Promise.all([
    storesReadableBy(api, user),
    ok(
      api.GET('/api/v1/sales', {
        params: {
          query: {
            size: SALES_JOURNAL_PAGE_SIZE,
            page: filters.page,
            sort: 'cree_le,desc',
            ...(storeId ? { magasin_id: storeId } : {}),
            ...(filters.status ? { statut: filters.status } : {}),
            ...(filters.receipt ? { search: filters.receipt } : {}),
            ...(filters.from ? { date_debut: filters.from } : {}),
            ...(filters.to ? { date_fin: filters.to } : {}),
          },
        },
      })
    ),
  ])
  const names = new Map(stores.map((store) => [store.id, store.name]))
  const sales = mapPage(
    page,
    (sale): SaleRow => ({
      id: sale.id,
      receiptNumber: sale.numero_recu,
      createdAt: sale.cree_le,
      storeName: names.get(sale.magasin_id) ?? `#${sale.magasin_id}`,
      subtotalCents: centsFromWire(sale.sous_total),
      taxesCents: centsFromWire(sale.total_taxes),
      totalCents: centsFromWire(sale.total),
      refundedCents: centsFromWire(sale.montant_rembourse),
      status: sale.statut,
    })
  )
  return { sales, stores: manager ? stores : [], ownStore: manager ? null : (stores[0] ?? null) }
}
