import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'

import { ListTable } from '~/components/list/data-table'
import { DayRangeFields, FilterBar, StoreFilter } from '~/components/list/filter-bar'
import { NameText } from '~/components/name-text'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { amountColumn } from '~/components/table-head'
import { ROLES } from '~/lib/auth/roles'
import { formatDate, formatMoney, formatTime } from '~/lib/format'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { storeRegistersPath } from '~/lib/paths'
import { isFiltered, returnsJournalFilters } from '~/lib/returns-journal'
import { loadReturnsJournal } from '~/lib/returns-journal.server'
import { useT } from '~/lib/root-data'
import { receiptFromJournal, salesJournalPath } from '~/lib/sales-journal'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data?.ownStore
      ? pageTitle(matches, 'returnsJournal.storeTitle', { store: data.ownStore.name })
      : pageTitle(matches, 'returnsJournal.title'),
  },
]

/** Every return, newest first — who took what back, when, why: managers across the stores, a clerk in their own. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, ROLES, returnsJournalFilters, loadReturnsJournal)
}

export default function ReturnsJournalPage() {
  const { filters, returns, stores, ownStore } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const filtered = isFiltered(filters)
  const manager = ownStore === null
  return (
    <>
      <PageHeader
        title={ownStore ? t('returnsJournal.storeTitle', { store: ownStore.name }) : t('returnsJournal.title')}
        crumbs={[
          ...(ownStore ? [{ label: ownStore.name, to: storeRegistersPath(ownStore.id) }] : []),
          { label: t('sales.crumb'), to: salesJournalPath },
          { label: t('returnsJournal.crumb') },
        ]}
        lead={t('returnsJournal.lead')}
        actions={
          <Link className="btn btn-outline-secondary btn-sm" to={salesJournalPath}>
            {t('returnsJournal.salesLink')}
          </Link>
        }
      />
      <FilterBar label={t('returnsJournal.filterLabel')} filtered={filtered} actionsClassName="col-sm-6 col-lg-3">
        {/* One sale's returns (the receipt's link): kept by the form; « Effacer les filtres » lists them all. */}
        {filters.saleId ? <input type="hidden" name="vente" value={filters.saleId} /> : null}
        {manager ? (
          <StoreFilter
            formId="returns-journal"
            label={t('sales.store')}
            value={filters.storeId}
            any={t('sales.allStores')}
            stores={stores}
            error={filters.errors.magasin}
            className="col-sm-6 col-lg-3"
          />
        ) : null}
        <DayRangeFields formId="returns-journal" range={filters} className="col-6 col-lg-3" />
      </FilterBar>
      {filters.errors.vente ? (
        <p className="alert alert-warning py-2" role="status" data-testid="bad-sale-filter">
          {t(filters.errors.vente.key, filters.errors.vente.params)}
        </p>
      ) : null}
      {filters.saleId && returns.items[0] ? (
        <p className="small" data-testid="returns-of-sale">
          {t('returnsJournal.ofSale', { number: returns.items[0].receiptNumber })}
        </p>
      ) : null}
      <ListTable
        list={returns}
        testId="returns-journal"
        compact
        caption={t('returnsJournal.caption')}
        paginationLabel={t('returnsJournal.pages')}
        empty={filtered ? t('returnsJournal.noMatch') : t('returnsJournal.empty')}
        columns={[
          t('receipt.number'),
          t('movements.when'),
          ...(manager ? [t('sales.store')] : []),
          t('returnsJournal.reason'),
          amountColumn(t('returnsJournal.amount')),
          t('returnsJournal.by'),
        ]}
      >
        {(row) => (
          <tr key={row.id}>
            <td className="text-nowrap">
              <Link to={receiptFromJournal(row.saleId, here)} aria-label={t('sales.openReceipt', { number: row.receiptNumber })}>
                <code>{row.receiptNumber}</code>
              </Link>
            </td>
            <td>
              <span>{formatDate(row.createdAt)}</span> <span className="d-block small text-body-secondary text-nowrap">{formatTime(row.createdAt)}</span>
            </td>
            {manager ? <td>{row.storeName}</td> : null}
            <td>
              <NameText text={row.reason} />
              {row.damaged ? <span className="badge text-bg-light border ms-1">{t('returnsJournal.damaged')}</span> : null}
            </td>
            <td className="amount">{formatMoney(row.totalCents)}</td>
            <td>
              {row.by ?? t('returnsJournal.integration')}
              {row.late ? (
                <span className="badge text-bg-warning ms-1" title={t('returnsJournal.lateHelp')}>
                  {t('returnsJournal.late')}
                  <span className="visually-hidden"> ({t('returnsJournal.lateHelp')})</span>
                </span>
              ) : null}
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
