import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect } from 'react'

import { Field } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { DayRangeFields, FilterBar, SelectFilter, StoreFilter } from '~/components/list/filter-bar'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { SaleStatusBadge } from '~/components/status-badge'
import { amountColumn } from '~/components/table-head'
import { ROLES } from '~/lib/auth/roles'
import { formatDate, formatMoney, formatNumber, formatTime } from '~/lib/format'
import { backTo, choicesOf } from '~/lib/list-query'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { storeRegistersPath } from '~/lib/paths'
import { useT } from '~/lib/root-data'
import { SALE_STATUSES, UP_TO_PARAM, isFiltered, receiptFromJournal, saleAnchor, salesJournalFilters } from '~/lib/sales-journal'
import { loadSalesJournal } from '~/lib/sales-journal.server'
import { returnsJournalPath } from '~/lib/returns-journal'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.ownStore ? pageTitle(matches, 'sales.storeTitle', { store: data.ownStore.name }) : pageTitle(matches, 'sales.title') },
]

/** Every sale, newest first: managers across the stores, a clerk in their own store. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, ROLES, salesJournalFilters, loadSalesJournal)
}

export default function SalesJournalPage() {
  const { filters, sales, stores, ownStore, upTo, newerSales } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const filtered = isFiltered(filters)
  const manager = ownStore === null
  // Back from a receipt (…#vente-42): its line has the focus, as it had before, so the keyboard
  // carries on down the list. Without JavaScript the browser starts the next Tab from there.
  useEffect(() => {
    if (location.hash.startsWith('#vente-')) document.getElementById(location.hash.slice(1))?.focus()
  }, [location.hash])
  return (
    <>
      <PageHeader
        title={ownStore ? t('sales.storeTitle', { store: ownStore.name }) : t('sales.title')}
        crumbs={ownStore ? [{ label: ownStore.name, to: storeRegistersPath(ownStore.id) }, { label: t('sales.crumb') }] : [{ label: t('sales.crumb') }]}
        lead={manager ? t('sales.lead') : t('sales.leadStore')}
        actions={
          <Link className="btn btn-outline-secondary btn-sm" to={returnsJournalPath}>
            {t('sales.returnsLink')}
          </Link>
        }
      />

      {/*
        One line from 1400 px; below, two lines of thirds: on one line at 1024 or 1280 px, the selects read
        « Tous les mag » and the receipt's label wrapped out of line with the others.
      */}
      <FilterBar label={t('sales.filterLabel')} filtered={filtered} actionsClassName={manager ? 'col-sm-6 col-lg-4 col-xxl-1' : 'col-sm-6 col-lg-4 col-xxl-2'}>
        <Field formId="sales" name="recu" type="search" label={t('sales.receipt')} defaultValue={filters.receipt} maxLength={32} className="col-sm-6 col-lg-4 col-xxl-3" />
        {manager ? (
          <StoreFilter
            formId="sales"
            label={t('sales.store')}
            value={filters.storeId}
            any={t('sales.allStores')}
            stores={stores}
            error={filters.errors.magasin}
            className="col-sm-6 col-lg-4 col-xxl-2"
          />
        ) : null}
        <SelectFilter
          formId="sales"
          name="statut"
          label={t('sales.status')}
          value={filters.status}
          any={t('sales.allStatuses')}
          choices={choicesOf(SALE_STATUSES, (status) => t(`returns.status.${status}`))}
          className={manager ? 'col-sm-6 col-lg-4 col-xxl-2' : 'col-sm-6 col-lg-4 col-xxl-3'}
        />
        <DayRangeFields formId="sales" range={filters} className="col-6 col-lg-4 col-xxl-2" />
      </FilterBar>

      {newerSales > 0 ? (
        <p className="alert alert-info d-flex flex-wrap align-items-center gap-2 py-2" role="status" data-testid="newer-sales">
          {t('sales.newer', { count: formatNumber(newerSales) })}
          {/* Unpinned page 1: the journal as it is now, same filters. */}
          <Link to={backTo(new URL(here, 'http://journal.local'), [UP_TO_PARAM, 'page'])} className="alert-link">
            {t('sales.showNewest')}
          </Link>
        </p>
      ) : null}

      <ListTable
        list={sales}
        testId="sales-journal"
        compact
        caption={t('sales.caption')}
        paginationLabel={t('sales.pages')}
        pinned={upTo ? { [UP_TO_PARAM]: String(upTo) } : undefined}
        empty={filtered ? t('sales.noMatch') : t('sales.empty')}
        columns={[
          t('receipt.number'),
          t('movements.when'),
          ...(manager ? [t('sales.store')] : []),
          // Below 992 px the subtotal gives way: the receipt numbers and times then fit unbroken on a 768 px tablet.
          { label: t('pos.totals.subtotal'), className: 'amount d-none d-lg-table-cell' },
          amountColumn(t('pos.totals.total')),
          amountColumn(t('sales.refunded')),
          t('sales.status'),
        ]}
      >
        {(sale) => (
          <tr key={sale.id}>
            <td className="text-nowrap">
              <Link id={saleAnchor(sale.id)} to={receiptFromJournal(sale.id, here)} aria-label={t('sales.openReceipt', { number: sale.receiptNumber })}>
                <code>{sale.receiptNumber}</code>
              </Link>
            </td>
            <td>
              {/* The space keeps "6 déc. 2026 14:05" apart when read aloud or copied. */}
              <span>{formatDate(sale.createdAt)}</span>{' '}
              <span className="d-block small text-body-secondary text-nowrap">{formatTime(sale.createdAt)}</span>
            </td>
            {manager ? <td>{sale.storeName}</td> : null}
            <td className="amount d-none d-lg-table-cell">{formatMoney(sale.subtotalCents)}</td>
            <td className="amount fw-semibold">{formatMoney(sale.totalCents)}</td>
            <td className="amount">
              {sale.refundedCents > 0 ? (
                formatMoney(sale.refundedCents)
              ) : (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('sales.noRefund')}</span>
                </>
              )}
            </td>
            <td>
              <SaleStatusBadge status={sale.status} />
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
