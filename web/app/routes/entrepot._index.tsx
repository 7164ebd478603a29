import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { StockStatusBadge } from '~/components/status-badge'
import { GoodsReceiptForm } from '~/components/warehouse/goods-receipt-form'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import type { FormRefusal } from '~/lib/forms/refusals'
import { MAX_LEVEL } from '~/lib/forms/warehouse'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { loading, mutation, requireRole, signedIn } from '~/lib/request.server'
import { useMessage, useT } from '~/lib/root-data'
import { STOCK_STATUSES } from '~/lib/stock'
import { WAREHOUSE_SORTS, replenishmentsPath, warehouseFilters, warehouseMovementsPath } from '~/lib/warehouse'
import { loadWarehouse, runWarehouseAction } from '~/lib/warehouse.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'warehouse.title') }]

/** The central warehouse (the original's /stock-central/): stock with statuses, goods in, reorder points. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const filters = warehouseFilters(new URL(args.request.url))
  return loading(async () => ({ filters, ...(await loadWarehouse(api, filters)) }))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  requireRole(ctx.user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  // After a receipt the prefilled product is done with: back to the list as it was filtered.
  url.searchParams.delete('reception')
  return loading(() => runWarehouseAction(ctx, url.pathname + url.search))
}

export default function WarehousePage() {
  const { filters, stock, receiveProduct } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const describe = useMessage()
  const location = useLocation()
  const formAction = location.pathname + location.search
  const filtered = filters.search !== '' || filters.status !== null
  const savingPoint = useIsPending({ formAction, intent: 'reorder-point' })
  const pointRefusal = refusal?.intent === 'reorder-point' ? refusal : undefined

  const receiveHref = (code: string) => {
    const params = new URLSearchParams(location.search)
    params.set('reception', code)
    return `${location.pathname}?${params.toString()}#reception`
  }

  return (
    <>
      <PageHeader
        title={t('warehouse.title')}
        lead={t('warehouse.lead')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('warehouse.title') }]}
        actions={
          <>
            <Link className="btn btn-outline-primary btn-sm" to={replenishmentsPath}>
              {t('nav.replenishments')}
            </Link>
            <Link className="btn btn-outline-secondary btn-sm" to={warehouseMovementsPath}>
              {t('movements.warehouseTitle')}
            </Link>
          </>
        }
      />

      <section className="card shadow-sm mb-4" id="reception">
        <div className="card-body">
          <GoodsReceiptForm
            // A new page (after a receipt went through) starts with an empty form, with or without JavaScript.
            key={location.key}
            action={formAction}
            refusal={refusal?.intent === 'receipt' ? refusal : undefined}
            product={receiveProduct}
            code={filters.receiveCode}
          />
        </div>
      </section>

      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('stock.filterLabel')}>
        <div className="col-sm-5 col-lg-4">
          <label htmlFor="wh-q" className="form-label">
            {t('warehouse.search')}
          </label>
          <input id="wh-q" name="q" type="search" className="form-control" defaultValue={filters.search} maxLength={64} />
        </div>
        <div className="col-sm-3 col-lg-2">
          <label htmlFor="wh-statut" className="form-label">
            {t('stock.statusFilter')}
          </label>
          <select id="wh-statut" name="statut" className="form-select" defaultValue={filters.status ?? ''}>
            <option value="">{t('stock.allStatuses')}</option>
            {STOCK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`stock.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-2 col-lg-2">
          <label htmlFor="wh-tri" className="form-label">
            {t('stock.sort')}
          </label>
          <select id="wh-tri" name="tri" className="form-select" defaultValue={filters.sort}>
            {WAREHOUSE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`stock.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-2 col-lg-2 d-flex gap-2">
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

      {stock.items.length === 0 ? (
        <EmptyState>{filtered ? t('stock.noMatch') : t('warehouse.empty')}</EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table table-hover align-middle mb-0" data-testid="warehouse-table">
            <caption className="visually-hidden">{t('warehouse.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pos.search.code')}</th>
                <th scope="col">{t('pos.search.product')}</th>
                <th scope="col" className="amount">
                  {t('warehouse.quantity')}
                </th>
                <th scope="col">{t('warehouse.reorderPoint')}</th>
                <th scope="col">{t('stock.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('pos.cart.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {stock.items.map((item) => {
                const mine = pointRefusal?.values?.produit_id === String(item.productId) ? pointRefusal : undefined
                const error = mine?.fieldErrors?.seuil_reappro ?? mine?.error
                const inputId = `seuil-${item.productId}`
                return (
                  <tr key={item.productId} data-testid={`warehouse-row-${item.code}`}>
                    <td>
                      <code>{item.code}</code>
                    </td>
                    <td className="pos-product-name">{item.name}</td>
                    <td className="amount" data-testid="warehouse-quantity">
                      {formatNumber(item.quantity)}
                    </td>
                    <td>
                      <Form method="post" action={formAction} className="d-flex gap-1" noValidate>
                        <CsrfField />
                        <input type="hidden" name="intent" value="reorder-point" />
                        <input type="hidden" name="produit_id" value={item.productId} />
                        <input
                          id={inputId}
                          type="number"
                          name="seuil_reappro"
                          min={0}
                          max={MAX_LEVEL}
                          defaultValue={mine?.values?.seuil_reappro ?? item.reorderPoint}
                          className={`form-control form-control-sm pos-qty${error ? ' is-invalid' : ''}`}
                          aria-label={t('warehouse.reorderPointOf', { name: item.name })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${inputId}-error` : undefined}
                          autoFocus={Boolean(error)}
                          inputMode="numeric"
                        />
                        <button type="submit" className="btn btn-sm btn-outline-secondary" disabled={savingPoint}>
                          {t('warehouse.savePoint')}
                        </button>
                      </Form>
                      {error ? (
                        <div id={`${inputId}-error`} className="invalid-feedback d-block">
                          {describe(error)}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StockStatusBadge status={item.status} />
                    </td>
                    <td className="text-end">
                      <Link className="btn btn-sm btn-outline-primary" to={receiveHref(item.code)} aria-label={t('warehouse.receiveOf', { name: item.name })}>
                        {t('warehouse.receive')}
                      </Link>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={stock.page} size={stock.size} total={stock.total} label={t('warehouse.paginationLabel')} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
