// The returns journal's data: one page of returns (GET /returns, newest first)
// with the names of their stores — who took what back, when and why. A clerk
// reads their own store's (the API would refuse another store anyway).
import { ok, type ApiClient } from './api/client.server.ts'
import { hasRole, MANAGER_ROLES, type SessionUser } from './auth/roles.ts'
import { mapPage } from './list-query.ts'
import { centsFromWire } from './money.ts'
import { RETURNS_JOURNAL_PAGE_SIZE, type ReturnRow, type ReturnsJournalFilters } from './returns-journal.ts'
import { appliedFilters, storeNamer, storesReadableBy } from './sales-journal.server.ts'

export async function loadReturnsJournal(api: ApiClient, asked: ReturnsJournalFilters, user: SessionUser) {
  const manager = hasRole(user, MANAGER_ROLES)
  const stores = await storesReadableBy(api, user)
  const filters = appliedFilters(asked, manager, stores)
  const storeId = manager ? filters.storeId : user.storeId
  const page = await ok(
    api.GET('/api/v1/returns', {
      params: {
        query: {
          page: filters.page,
          size: RETURNS_JOURNAL_PAGE_SIZE,
          ...(storeId ? { magasin_id: storeId } : {}),
          ...(filters.saleId ? { vente_id: filters.saleId } : {}),
          ...(filters.from ? { date_debut: filters.from } : {}),
          ...(filters.to ? { date_fin: filters.to } : {}),
        },
      },
    })
  )
  const storeName = storeNamer(stores)
  const returns = mapPage(
    page,
    (item): ReturnRow => ({
      id: item.id,
      saleId: item.vente_id,
      receiptNumber: item.numero_recu,
      createdAt: item.cree_le,
      storeName: storeName(item.magasin_id),
      reason: item.motif,
      totalCents: centsFromWire(item.total),
      damaged: !item.remis_en_stock,
      by: item.par?.nom_complet ?? null,
      late: item.hors_delai_caissier,
    })
  )
  // The filters as applied: a clerk's ?magasin= filters nothing, so the page must not say it does.
  return { filters, returns, stores: manager ? stores : [], ownStore: manager ? null : (stores[0] ?? null) }
}
