import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { FormError } from '~/components/form-field'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { StockStatusBadge } from '~/components/status-badge'
import { ReplenishmentTabs } from '~/components/warehouse/replenishment-tabs'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { MAX_MOVEMENT_QUANTITY } from '~/lib/forms/warehouse'
import { pageFrom, positiveId } from '~/lib/list-query'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { createSuggestedRequest, loadSuggestions } from '~/lib/replenishments.server'
import { loading, mutation, requireRole, signedIn } from '~/lib/request.server'
import { useMessage, useT } from '~/lib/root-data'
import type { ReplenishmentRefusal } from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'replenishments.suggestionsTitle') }]

/**
 * What each store should ask for now (reorder points and the last 30 days of
 * sales: the original's "Réapprovisionnement urgent"), one click from a request.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  const storeId = positiveId(url.searchParams.get('magasin'))
  const page = pageFrom(url.searchParams.get('page'))
  return loading(async () => ({ storeId, ...(await loadSuggestions(api, storeId, page)) }))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  requireRole(ctx.user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  return loading(() => createSuggestedRequest(ctx, url.pathname + url.search))
}

export default function SuggestionsPage() {
  const { storeId, stores, suggestions } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as ReplenishmentRefusal | undefined
  const t = useT()
  const describe = useMessage()
  const location = useLocation()
  const formAction = location.pathname + location.search
  const creating = useIsPending({ formAction, intent: 'create' })

  return (
    <>
      <PageHeader
        title={t('replenishments.suggestionsTitle')}
        lead={t('replenishments.suggestionsLead')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('replenishments.suggestionsTitle') }]}
      />
      <ReplenishmentTabs current="suggestions" />
      {refusal && !refusal.row ? <FormError error={refusal.error} /> : null}

      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('replenishments.filterLabel')}>
        <div className="col-sm-5 col-lg-4">
          <label htmlFor="sug-magasin" className="form-label">
            {t('replenishments.store')}
          </label>
          <select id="sug-magasin" name="magasin" className="form-select" defaultValue={storeId ?? ''}>
            <option value="">{t('replenishments.allStores')}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-3 d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('stock.apply')}
          </button>
          {storeId ? (
            <Link to={location.pathname} className="btn btn-link">
              {t('stock.reset')}
            </Link>
          ) : null}
        </div>
      </Form>

      {suggestions.items.length === 0 ? (
        <EmptyState>{t('replenishments.noSuggestions')}</EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table align-middle mb-0" data-testid="suggestions-table">
            <caption className="visually-hidden">{t('replenishments.suggestionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('replenishments.priority')}</th>
                <th scope="col">{t('replenishments.store')}</th>
                <th scope="col">{t('pos.search.product')}</th>
                <th scope="col" className="amount">
                  {t('stock.quantity')}
                </th>
                <th scope="col">{t('stock.status')}</th>
                <th scope="col" className="amount d-none d-lg-table-cell">
                  {t('replenishments.salesPerDay')}
                </th>
                <th scope="col" className="amount">
                  {t('replenishments.daysLeft')}
                </th>
                <th scope="col" className="amount d-none d-lg-table-cell">
                  {t('replenishments.inFlight')}
                </th>
                <th scope="col" className="amount">
                  {t('replenishments.warehouseStock')}
                </th>
                <th scope="col">{t('replenishments.requestQuantity')}</th>
              </tr>
            </thead>
            <tbody>
              {suggestions.items.map((s) => {
                const row = `${s.storeId}:${s.productId}`
                const mine = refusal?.row === row ? refusal : undefined
                const error = mine?.fieldErrors?.quantite ?? mine?.fieldErrors?.cle ?? mine?.error
                const inputId = `suggestion-${s.storeId}-${s.productId}`
                return (
                  <tr key={row} data-testid={`suggestion-${s.storeId}-${s.code}`}>
                    <td>
                      <span className={`badge ${s.urgent ? 'text-bg-danger' : 'text-bg-warning'}`}>
                        {t(s.urgent ? 'replenishments.urgent' : 'replenishments.medium')}
                      </span>
                    </td>
                    <td>{s.store}</td>
                    <td className="pos-product-name">
                      {s.product}
                      <code className="d-block small">{s.code}</code>
                    </td>
                    <td className="amount">
                      {formatNumber(s.quantity)} / {formatNumber(s.reorderPoint)}
                    </td>
                    <td>
                      <StockStatusBadge status={s.status} />
                    </td>
                    <td className="amount d-none d-lg-table-cell">{formatNumber(s.salesPerDay)}</td>
                    <td className="amount">{s.daysLeft === null ? '—' : formatNumber(s.daysLeft)}</td>
                    <td className="amount d-none d-lg-table-cell">{formatNumber(s.inFlight)}</td>
                    <td className="amount">{formatNumber(s.warehouseQuantity)}</td>
                    <td>
                      <Form method="post" action={formAction} className="d-flex gap-1" noValidate>
                        <CsrfField />
                        <input type="hidden" name="intent" value="create" />
                        <input type="hidden" name="magasin_id" value={s.storeId} />
                        <input type="hidden" name="produit_id" value={s.productId} />
                        <input type="hidden" name="cle" value={s.idempotencyKey} />
                        <input
                          id={inputId}
                          type="number"
                          name="quantite"
                          min={1}
                          max={MAX_MOVEMENT_QUANTITY}
                          defaultValue={mine?.values?.quantite ?? s.suggested}
                          className={`form-control form-control-sm pos-qty${error ? ' is-invalid' : ''}`}
                          aria-label={t('replenishments.quantityFor', { name: s.product, store: s.store })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${inputId}-error` : undefined}
                          autoFocus={Boolean(error)}
                          inputMode="numeric"
                        />
                        <button type="submit" className="btn btn-sm btn-primary text-nowrap" disabled={creating}>
                          {t('replenishments.createRequest')}
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
      <Pagination page={suggestions.page} size={suggestions.size} total={suggestions.total} label={t('replenishments.suggestionsTitle')} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
