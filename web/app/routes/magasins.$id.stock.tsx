import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { ReplenishmentStatusBadge, StockStatusBadge } from '~/components/status-badge'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { formatDate, formatMoney, formatNumber } from '~/lib/format'
import { idParam, loading, mutation, requireStoreAccess, signedIn } from '~/lib/request.server'
import { useMessage, useT } from '~/lib/root-data'
import { REQUESTS_PAGE_SIZE, STOCK_SORTS, STOCK_STATUSES } from '~/lib/stock'
import { loadStock, runStockAction, stockFilters, type StockActionResult } from '~/lib/stock.server'
import { getStore } from '~/lib/stores.server'
import { storeMovementsPath } from '~/lib/warehouse'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Stock — ${data.store.nom} · Comptoir` : 'Stock · Comptoir' }]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(user, storeId)
  const filters = stockFilters(new URL(args.request.url))
  return loading(async () => {
    const [store, lists] = await Promise.all([getStore(api, storeId), loadStock(api, storeId, filters)])
    return { store: { id: store.id, nom: store.nom }, filters, ...lists }
  })
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(ctx.user, storeId)
  const url = new URL(args.request.url)
  return loading(() => runStockAction(ctx, storeId, url.pathname + url.search))
}

export default function StorePage() {
  const { store, filters, stock, requests } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as StockActionResult | undefined
  const t = useT()
  const describe = useMessage()
  const location = useLocation()
  // Posting to the URL being viewed keeps the filters and page after the redirect.
  const formAction = location.pathname + location.search
  const filtered = filters.search !== '' || filters.status !== null
  // One request at a time: a double click must not send two replenishment requests.
  const submitting = useNavigation().state === 'submitting'

  return (
    <>
      <PageHeader
        title={t('stock.title', { store: store.nom })}
        crumbs={[{ label: store.nom, to: `/magasins/${store.id}/caisses` }, { label: t('stock.crumb') }]}
        actions={
          <Link className="btn btn-outline-secondary btn-sm" to={storeMovementsPath(store.id)}>
            {t('stock.movementsLink')}
          </Link>
        }
      />
      {result?.error && result.intent !== 'request' ? (
        <div className="alert alert-danger" role="alert">
          {describe(result.error)}
        </div>
      ) : null}

      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('stock.filterLabel')}>
        <div className="col-sm-5 col-lg-4">
          <label htmlFor="stock-q" className="form-label">
            {t('stock.search')}
          </label>
          <input id="stock-q" name="q" type="search" className="form-control" defaultValue={filters.search} maxLength={64} />
        </div>
        <div className="col-sm-3 col-lg-2">
          <label htmlFor="stock-statut" className="form-label">
            {t('stock.statusFilter')}
          </label>
          <select id="stock-statut" name="statut" className="form-select" defaultValue={filters.status ?? ''}>
            <option value="">{t('stock.allStatuses')}</option>
            {STOCK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`stock.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-2 col-lg-2">
          <label htmlFor="stock-tri" className="form-label">
            {t('stock.sort')}
          </label>
          <select id="stock-tri" name="tri" className="form-select" defaultValue={filters.sort}>
            {STOCK_SORTS.map((sort) => (
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
        <EmptyState>{filtered ? t('stock.noMatch') : t('stock.empty')}</EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table table-hover align-middle mb-0" data-testid="stock-table">
            <caption className="visually-hidden">{t('stock.caption', { store: store.nom })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pos.search.code')}</th>
                <th scope="col">{t('pos.search.product')}</th>
                <th scope="col" className="amount">
                  {t('pos.search.price')}
                </th>
                <th scope="col" className="amount">
                  {t('stock.quantity')}
                </th>
                <th scope="col" className="amount">
                  {t('stock.reorderPoint')}
                </th>
                <th scope="col">{t('stock.status')}</th>
                <th scope="col">{t('stock.request')}</th>
              </tr>
            </thead>
            <tbody>
              {stock.items.map((item) => {
                const rowResult = result?.intent === 'request' && result.productId === item.productId ? result : undefined
                const error = rowResult?.fieldErrors?.quantite ?? rowResult?.error
                const inputId = `request-${item.productId}`
                return (
                  <tr key={item.productId}>
                    <td>
                      <code>{item.code}</code>
                    </td>
                    <td className="pos-product-name">{item.name}</td>
                    <td className="amount">{formatMoney(item.unitPriceCents)}</td>
                    <td className="amount">{formatNumber(item.quantity)}</td>
                    <td className="amount">{formatNumber(item.reorderPoint)}</td>
                    <td>
                      <StockStatusBadge status={item.status} />
                    </td>
                    <td>
                      <Form method="post" action={formAction} className="d-flex gap-1" noValidate>
                        <CsrfField />
                        <input type="hidden" name="intent" value="request" />
                        <input type="hidden" name="produit_id" value={item.productId} />
                        <input type="hidden" name="cle" value={item.requestKey} />
                        <input
                          id={inputId}
                          type="number"
                          name="quantite"
                          min={1}
                          max={100000}
                          defaultValue={item.suggested ?? undefined}
                          placeholder={t('stock.quantityPlaceholder')}
                          className={`form-control form-control-sm pos-qty${error ? ' is-invalid' : ''}`}
                          aria-label={t('stock.requestQuantityOf', { name: item.name })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${inputId}-error` : undefined}
                          autoFocus={Boolean(error)}
                          inputMode="numeric"
                        />
                        <button type="submit" className="btn btn-sm btn-outline-primary text-nowrap" disabled={submitting}>
                          {t('stock.requestSubmit')}
                        </button>
                      </Form>
                      {error ? (
                        <div id={`${inputId}-error`} className="invalid-feedback d-block">
                          {describe(error)}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={stock.page} size={stock.size} total={stock.total} label={t('stock.paginationLabel')} />

      <section className="mt-4" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="h5">
          {t('stock.requestsTitle')}
        </h2>
        {requests.items.length === 0 ? (
          <EmptyState>{t('stock.requestsEmpty')}</EmptyState>
        ) : (
          <div className="table-responsive bg-body rounded-3 shadow-sm">
            <table className="table align-middle mb-0" data-testid="requests-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('stock.requestedAt')}</th>
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
                  <tr key={request.id}>
                    <td>{request.id}</td>
                    <td>{formatDate(request.requestedAt, { withTime: true })}</td>
                    <td className="pos-product-name">{request.product}</td>
                    <td className="amount">{formatNumber(request.quantity)}</td>
                    <td>
                      <ReplenishmentStatusBadge status={request.status} />
                    </td>
                    <td className="text-end">
                      {request.actions.includes('receive') ? (
                        <RequestAction formAction={formAction} id={request.id} intent="receive" label={t('stock.receive')} />
                      ) : null}
                      {request.actions.includes('cancel') && request.status === 'en_attente' ? (
                        <RequestAction formAction={formAction} id={request.id} intent="cancel-request" label={t('stock.cancelRequest')} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={requests.page} size={REQUESTS_PAGE_SIZE} total={requests.total} param="dpage" label={t('stock.requestsTitle')} />
      </section>
    </>
  )
}

function RequestAction({ formAction, id, intent, label }: { formAction: string; id: number; intent: string; label: string }) {
  return (
    <Form method="post" action={formAction} className="d-inline ms-1">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="demande_id" value={id} />
      <button type="submit" className={`btn btn-sm ${intent === 'receive' ? 'btn-success' : 'btn-outline-secondary'}`}>
        {label}
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
