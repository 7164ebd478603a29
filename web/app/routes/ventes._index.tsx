import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { Field } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { FilterBar, SelectFilter } from '~/components/list/filter-bar'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { amountColumn } from '~/components/table-head'
import { ROLES } from '~/lib/auth/roles'
import { formatDate, formatMoney, formatTime } from '~/lib/format'
import { choicesOf, namedChoices } from '~/lib/list-query'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { receiptPath, storeRegistersPath } from '~/lib/paths'
import { useT } from '~/lib/root-data'
import { SALE_STATUSES, isFiltered, salesJournalFilters, type SaleStatus } from '~/lib/sales-journal'
import { loadSalesJournal } from '~/lib/sales-journal.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sales.title') }]

/** Every sale, newest first: managers across the stores, a clerk in their own store. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, ROLES, salesJournalFilters, loadSalesJournal)
}

const STATUS_BADGE: Record<SaleStatus, string> = {
  terminee: 'text-bg-success',
  partiellement_retournee: 'text-bg-warning',
  retournee: 'text-bg-secondary',
}

export default function SalesJournalPage() {
  const { filters, sales, stores, ownStore } = useLoaderData<typeof loader>()
  const t = useT()
  const filtered = isFiltered(filters)
  const manager = ownStore === null
  return (
    <>
      <PageHeader
        title={ownStore ? t('sales.storeTitle', { store: ownStore.name }) : t('sales.title')}
        crumbs={ownStore ? [{ label: ownStore.name, to: storeRegistersPath(ownStore.id) }, { label: t('sales.crumb') }] : [{ label: t('sales.crumb') }]}
        lead={t('sales.lead')}
      />

      {/* Twelve columns on a wide screen with the store's select (a manager's), so "Filtrer" stays on the fields' line. */}
      <FilterBar label={t('sales.filterLabel')} filtered={filtered} actionsClassName={manager ? 'col-sm-6 col-lg-1' : 'col-sm-6 col-lg-3'}>
        <Field formId="sales" name="recu" type="search" label={t('sales.receipt')} defaultValue={filters.receipt} maxLength={32} className="col-sm-6 col-lg-3" />
        {manager ? (
          <SelectFilter
            formId="sales"
            name="magasin"
            label={t('sales.store')}
            value={filters.storeId}
            any={t('sales.allStores')}
            choices={namedChoices(stores)}
            className="col-sm-6 col-lg-2"
          />
        ) : null}
        <SelectFilter
          formId="sales"
          name="statut"
          label={t('sales.status')}
          value={filters.status}
          any={t('sales.allStatuses')}
          choices={choicesOf(SALE_STATUSES, (status) => t(`returns.status.${status}`))}
          className="col-sm-6 col-lg-2"
        />
        <Field formId="sales" name="du" type="date" label={t('movements.from')} defaultValue={filters.from ?? ''} className="col-6 col-lg-2" />
        <Field formId="sales" name="au" type="date" label={t('movements.to')} defaultValue={filters.to ?? ''} className="col-6 col-lg-2" />
      </FilterBar>

      <ListTable
        list={sales}
        testId="sales-journal"
        compact
        caption={t('sales.caption')}
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
              <Link to={receiptPath(sale.id)} aria-label={t('sales.openReceipt', { number: sale.receiptNumber })}>
                <code>{sale.receiptNumber}</code>
              </Link>
            </td>
            <td>
              <span>{formatDate(sale.createdAt)}</span>
              <span className="d-block small text-body-secondary text-nowrap">{formatTime(sale.createdAt)}</span>
            </td>
            {manager ? <td>{sale.storeName}</td> : null}
            <td className="amount d-none d-lg-table-cell">{formatMoney(sale.subtotalCents)}</td>
            <td className="amount fw-semibold">{formatMoney(sale.totalCents)}</td>
            <td className="amount">{sale.refundedCents > 0 ? formatMoney(sale.refundedCents) : ''}</td>
            <td>
              <span className={`badge ${STATUS_BADGE[sale.status]}`}>{t(`returns.status.${sale.status}`)}</span>
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
