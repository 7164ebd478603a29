import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, type ShouldRevalidateFunction } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ReplenishmentStatusBadge } from '~/components/status-badge'
import { ReplenishmentActions, TransitionError } from '~/components/warehouse/replenishment-actions'
import { ReplenishmentTabs } from '~/components/warehouse/replenishment-tabs'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatDate, formatNumber } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { loadReplenishments, runTransition } from '~/lib/replenishments.server'
import { loading, mutation, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import {
  REPLENISHMENT_STATUSES,
  replenishmentFilters,
  replenishmentPath,
  revalidateAfterConflict,
  type ReplenishmentRefusal,
} from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'replenishments.title') }]

/** Every store's requests to the central warehouse (the original's /stock-central/demandes), with their actions. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const filters = replenishmentFilters(new URL(args.request.url))
  return loading(async () => ({ filters, ...(await loadReplenishments(api, user, filters)) }))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  requireRole(ctx.user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  return loading(() => runTransition(ctx, url.pathname + url.search))
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

      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('replenishments.filterLabel')}>
        <div className="col-sm-4 col-lg-3">
          <label htmlFor="dem-statut" className="form-label">
            {t('stock.statusFilter')}
          </label>
          <select id="dem-statut" name="statut" className="form-select" defaultValue={filters.status ?? ''}>
            <option value="">{t('stock.allStatuses')}</option>
            {REPLENISHMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`replenishment.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-3">
          <label htmlFor="dem-magasin" className="form-label">
            {t('replenishments.store')}
          </label>
          <select id="dem-magasin" name="magasin" className="form-select" defaultValue={filters.storeId ?? ''}>
            <option value="">{t('replenishments.allStores')}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-3 d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('stock.apply')}
          </button>
          {filtered ? (
            <Link to={location.pathname} className="btn btn-link">
              {t('stock.reset')}
            </Link>
          ) : null}
        </div>
      </Form>

      {requests.items.length === 0 ? (
        <EmptyState>{filtered ? t('replenishments.noMatch') : t('replenishments.empty')}</EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table table-hover align-middle mb-0" data-testid="replenishments-table">
            <caption className="visually-hidden">{t('replenishments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col" className="d-none d-lg-table-cell">
                  {t('stock.requestedAt')}
                </th>
                <th scope="col">{t('replenishments.store')}</th>
                <th scope="col">{t('pos.search.product')}</th>
                <th scope="col" className="amount">
                  {t('stock.quantity')}
                </th>
                <th scope="col">{t('stock.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('pos.cart.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.items.map((request) => (
                <tr key={request.id} data-testid={`request-${request.id}`}>
                  <td>
                    <Link to={replenishmentPath(request.id)} aria-label={t('replenishments.open', { id: request.id })}>
                      {request.id}
                    </Link>
                  </td>
                  <td className="d-none d-lg-table-cell">{formatDate(request.requestedAt, { withTime: true })}</td>
                  <td>{request.store}</td>
                  <td className="pos-product-name">
                    {request.product}
                    <code className="d-block small">{request.productCode}</code>
                  </td>
                  <td className="amount">{formatNumber(request.quantity)}</td>
                  <td>
                    <ReplenishmentStatusBadge status={request.status} />
                  </td>
                  <td className="text-nowrap">
                    <ReplenishmentActions id={request.id} actions={request.actions} formAction={formAction} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={requests.page} size={requests.size} total={requests.total} label={t('replenishments.paginationLabel')} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
