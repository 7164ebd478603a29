import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation, type ShouldRevalidateFunction } from '@remix-run/react'

import { ListTable } from '~/components/list/data-table'
import { FilterBar, SelectFilter, StoreFilter } from '~/components/list/filter-bar'
import { ProductCell } from '~/components/list/product-cell'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ReplenishmentStatusBadge } from '~/components/status-badge'
import { actionsColumn, amountColumn } from '~/components/table-head'
import { RequestQuantityForm, quantityFormId } from '~/components/warehouse/request-quantity-form'
import { ReplenishmentActions, TransitionError } from '~/components/warehouse/replenishment-actions'
import { ReplenishmentTabs } from '~/components/warehouse/replenishment-tabs'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatDate, formatNumber } from '~/lib/format'
import { choicesOf } from '~/lib/list-query'
import { listAction, listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { loadReplenishments, runTransition } from '~/lib/replenishments.server'
import { useT } from '~/lib/root-data'
import {
  REPLENISHMENT_STATUSES,
  quantityChangeable,
  replenishmentFilters,
  replenishmentPath,
  revalidateAfterConflict,
  type ReplenishmentRefusal,
} from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'replenishments.title') }]

/** Every store's requests to the central warehouse (the original's /stock-central/demandes), with their actions and, while pending, their quantity to change. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, replenishmentFilters, loadReplenishments)
}

export function action(args: ActionFunctionArgs) {
  return listAction(args, MANAGER_ROLES, runTransition)
}

export const shouldRevalidate: ShouldRevalidateFunction = revalidateAfterConflict

export default function ReplenishmentsPage() {
  const { filters, requests, stores } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as ReplenishmentRefusal | undefined
  const t = useT()
  const location = useLocation()
  const formAction = location.pathname + location.search
  const filtered = filters.status !== null || filters.storeId !== null

  return (
    <>
      <PageHeader
        title={t('replenishments.title')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('replenishments.title') }]}
      />
      <ReplenishmentTabs current="requests" />
      <TransitionError refusal={refusal} />

      <FilterBar label={t('replenishments.filterLabel')} filtered={filtered} actionsClassName="col-sm-4 col-lg-3">
        <SelectFilter
          formId="dem"
          name="statut"
          label={t('stock.statusFilter')}
          value={filters.status}
          any={t('stock.allStatuses')}
          choices={choicesOf(REPLENISHMENT_STATUSES, (status) => t(`replenishment.status.${status}`))}
          className="col-sm-4 col-lg-3"
        />
        <StoreFilter formId="dem" value={filters.storeId} stores={stores} label={t('replenishments.store')} any={t('replenishments.allStores')} className="col-sm-4 col-lg-3" />
      </FilterBar>

      <ListTable
        list={requests}
        testId="replenishments-table"
        hover
        caption={t('replenishments.title')}
        paginationLabel={t('replenishments.paginationLabel')}
        empty={filtered ? t('replenishments.noMatch') : t('replenishments.empty')}
        columns={[
          '#',
          { label: t('stock.requestedAt'), className: 'd-none d-lg-table-cell' },
          t('replenishments.store'),
          t('pos.search.product'),
          amountColumn(t('stock.quantity')),
          t('stock.status'),
          actionsColumn(t('pos.cart.actions')),
        ]}
      >
        {(request) => (
          <tr key={request.id} data-testid={`request-${request.id}`}>
            <td>
              <Link to={replenishmentPath(request.id)} aria-label={t('replenishments.open', { id: request.id })}>
                {request.id}
              </Link>
            </td>
            <td className="d-none d-lg-table-cell">{formatDate(request.requestedAt, { withTime: true })}</td>
            <td>{request.store}</td>
            <ProductCell name={request.product} code={request.productCode} />
            <td className="amount">
              {quantityChangeable(request.status) ? (
                <RequestQuantityForm action={formAction} request={request} refusal={refusal} />
              ) : (
                formatNumber(request.quantity)
              )}
            </td>
            <td>
              <ReplenishmentStatusBadge status={request.status} />
            </td>
            {/* Not nowrap: the buttons stack when the row is short of room (« Annuler la demande… » was cut off on a tablet). */}
            <td>
              <ReplenishmentActions
                id={request.id}
                quantity={request.quantity}
                actions={request.actions}
                formAction={formAction}
                quantityFormId={quantityChangeable(request.status) ? quantityFormId(request.id) : undefined}
              />
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
