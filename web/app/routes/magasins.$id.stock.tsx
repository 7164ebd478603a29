import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CsrfField } from '~/components/csrf-field'
import { FormError } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { WIDE_ONLY } from '~/components/list/folded'
import { InlineNumberForm } from '~/components/list/inline-number-form'
import { NameText } from '~/components/name-text'
import { InFlightRequestCell, inFlightLinkId } from '~/components/stock/in-flight-request'
import { PageHeader } from '~/components/page-header'
import { ReplenishmentStatusBadge, StockStatusBadge } from '~/components/status-badge'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ReorderPointForm } from '~/components/stock/reorder-point-form'
import { RequestQuantityForm } from '~/components/warehouse/request-quantity-form'
import { StockFilterBar } from '~/components/stock/stock-filter-bar'
import { NarrowLabel, actionsColumn, amountColumn } from '~/components/table-head'
import { LedgerQuantityLink } from '~/components/warehouse/ledger-quantity-link'
import { hasRole, MANAGER_ROLES } from '~/lib/auth/roles'
import { formatDate, formatMoney, formatNumber } from '~/lib/format'
import type { FormRefusal } from '~/lib/forms/refusals'
import { MAX_REQUEST_QUANTITY } from '~/lib/forms/schemas'
import { useIsPending } from '~/lib/pending'
import { useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { REQUESTS_PRODUCT_PARAM, inFlightLink } from '~/lib/in-flight'
import { pageTitle } from '~/lib/meta'
import { idParam, loading, mutation, requireRole, requireStoreAccess, signedIn } from '~/lib/request.server'
import { setReorderPoint } from '~/lib/reorder-point.server'
import { useT } from '~/lib/root-data'
import { REORDER_POINT_INTENT, stockListFiltered } from '~/lib/stock'
import { changeRequestQuantity } from '~/lib/replenishments.server'
import { loadStock, runStockAction, stockFilters, type StockActionResult } from '~/lib/stock.server'
import { getStore } from '~/lib/stores.server'
import { CHANGE_QUANTITY_INTENT, quantityChangeable, revalidateAfterConflict, storeMovementsPath, type ReplenishmentRefusal } from '~/lib/warehouse'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'stock.title', { store: data.store.nom }) : pageTitle(matches, 'stock.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(user, storeId)
  const filters = stockFilters(new URL(args.request.url))
  return loading(async () => {
    const [store, lists] = await Promise.all([getStore(api, storeId), loadStock(api, storeId, filters, user)])
    // Managers set reorder points and open a request's own page (a clerk's link stays on this page: 403 there).
    const manager = hasRole(user, MANAGER_ROLES)
    return { store: { id: store.id, nom: store.nom }, filters, canSetPoints: manager, manager, ...lists }
  })
}

// A request received or cancelled from another tab answers 409: the list then shows its state now.
export const shouldRevalidate: ShouldRevalidateFunction = revalidateAfterConflict

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(ctx.user, storeId)
  const url = new URL(args.request.url)
  const back = url.pathname + url.search
  if (ctx.form.get('intent') === REORDER_POINT_INTENT) {
    requireRole(ctx.user, MANAGER_ROLES)
    return loading(() => setReorderPoint(ctx, { magasin_id: storeId }, back))
  }
  // The store's clerks and managers change a pending request's quantity (the API checks the request is this store's).
  if (ctx.form.get('intent') === CHANGE_QUANTITY_INTENT) return loading(() => changeRequestQuantity(ctx, back))
  return loading(() => runStockAction(ctx, storeId, back))
}

export default function StorePage() {
  const { store, filters, stock, requests, canSetPoints, manager } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as StockActionResult | FormRefusal | undefined
  // A refused reorder point or request quantity shows in its row; the other actions' answers as before.
  const pointRefusal = answer?.intent === REORDER_POINT_INTENT ? (answer as FormRefusal) : undefined
  const quantityRefusal = answer?.intent === CHANGE_QUANTITY_INTENT ? (answer as ReplenishmentRefusal) : undefined
  const result = pointRefusal ?? quantityRefusal ? undefined : (answer as StockActionResult | undefined)
  const t = useT()
  const location = useLocation()
  // Posting to the URL being viewed keeps the filters and page after the redirect.
  const formAction = location.pathname + location.search
  // One request at a time: a double click must not send two replenishment requests.
  const submitting = useNavigation().state === 'submitting'
  const savingPoint = useIsPending({ formAction, intent: REORDER_POINT_INTENT })
  // A refused receipt or cancellation: its button may be gone (the list reloaded after a 409), the message takes the focus.
  useFocusOnRefusal(result?.intent === 'request' ? undefined : result)
  // A quantity refused on its field is focused in its row; any other refusal (409: approved meanwhile) by the message.
  useFocusOnRefusal(quantityRefusal?.error ? quantityRefusal : undefined)

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
      <FormError error={result?.intent === 'request' ? undefined : (result?.error ?? quantityRefusal?.error)} />

      <StockFilterBar formId="stock" searchLabel={t('stock.search')} filters={filters} />
      <ListTable
        list={stock}
        testId="stock-table"
        hover
        caption={t('stock.caption', { store: store.nom })}
        paginationLabel={t('stock.paginationLabel')}
        empty={stockListFiltered(filters) ? t('stock.noMatch') : t('stock.empty')}
        columns={[
          // Below 992 px (a 768 px tablet) the code goes under the name and the request column's
          // heading is shorter: the table scrolled sideways there.
          { label: t('pos.search.code'), className: WIDE_ONLY },
          t('pos.search.product'),
          amountColumn(t('pos.search.price')),
          amountColumn(t('stock.quantity')),
          canSetPoints ? t('stock.reorderPoint') : amountColumn(t('stock.reorderPoint')),
          t('stock.status'),
          { label: <NarrowLabel full={t('stock.request')} short={t('replenishments.requestQuantity')} /> },
        ]}
      >
        {(item) => {
          const rowResult = result?.intent === 'request' && result.productId === item.productId ? result : undefined
          return (
            <tr key={item.productId}>
              <td className={WIDE_ONLY}>
                <code>{item.code}</code>
              </td>
              <td className="pos-product-name">
                <NameText text={item.name} />
                <code className="d-block small d-lg-none">{item.code}</code>
              </td>
              <td className="amount">{formatMoney(item.unitPriceCents)}</td>
              <td className="amount">
                {manager ? (
                  <LedgerQuantityLink ledgerPath={storeMovementsPath(store.id)} code={item.code} name={item.name} quantity={item.quantity} />
                ) : (
                  formatNumber(item.quantity)
                )}
              </td>
              {canSetPoints ? (
                <td>
                  <ReorderPointForm action={formAction} item={item} refusal={pointRefusal} disabled={savingPoint} />
                </td>
              ) : (
                <td className="amount">{formatNumber(item.reorderPoint)}</td>
              )}
              <td>
                <StockStatusBadge status={item.status} />
              </td>
              <td>
                {!item.active ? (
                  <span className="badge text-bg-light border" data-testid={`discontinued-${item.productId}`}>
                    {t('stock.discontinued')}
                  </span>
                ) : item.inFlight ? (
                  <InFlightRequestCell
                    id={`in-flight-${item.productId}`}
                    request={item.inFlight}
                    to={inFlightLink(item.inFlight, { manager, storePage: location, productId: item.productId })}
                    error={rowResult?.error}
                  />
                ) : (
                  <InlineNumberForm
                    action={formAction}
                    intent="request"
                    fields={{ produit_id: item.productId, cle: item.requestKey }}
                    inputId={`request-${item.productId}`}
                    name="quantite"
                    label={t('stock.requestQuantityOf', { name: item.name })}
                    min={1}
                    max={MAX_REQUEST_QUANTITY}
                    defaultValue={rowResult?.values?.quantite ?? item.suggested ?? undefined}
                    placeholder={t('stock.quantityPlaceholder')}
                    error={rowResult?.fieldErrors?.quantite ?? rowResult?.error}
                    submitLabel={t('stock.requestSubmit')}
                    submitClassName="btn-outline-primary text-nowrap"
                    disabled={submitting}
                    replacedBy={inFlightLinkId(`in-flight-${item.productId}`)}
                    errorLink={
                      rowResult?.inFlight
                        ? {
                            to: inFlightLink(rowResult.inFlight, { manager, storePage: location, productId: item.productId }),
                            label: t('replenishments.openInFlight', { id: rowResult.inFlight.id }),
                          }
                        : undefined
                    }
                  />
                )}
              </td>
            </tr>
          )
        }}
      </ListTable>

      <section className="mt-4" aria-labelledby="requests-heading">
        <h2 id="requests-heading" className="h5">
          {t('stock.requestsTitle')}
        </h2>
        {filters.requestsProduct ? (
          <p className="small" data-testid="requests-product-filter">
            {t('stock.requestsOfProduct', { product: requests.items[0]?.product ?? `#${filters.requestsProduct}` })}{' '}
            <Link to={withoutRequestsProduct(location)}>{t('stock.allRequests')}</Link>
          </p>
        ) : null}
        <ListTable
          list={requests}
          testId="requests-table"
          pageParam="dpage"
          paginationLabel={t('stock.requestsTitle')}
          empty={t('stock.requestsEmpty')}
          columns={['#', t('stock.requestedAt'), t('pos.search.product'), amountColumn(t('stock.quantity')), t('stock.status'), actionsColumn(t('pos.cart.actions'))]}
        >
          {(request) => (
            <tr key={request.id} id={`demande-${request.id}`}>
              <td>{request.id}</td>
              <td>{formatDate(request.requestedAt, { withTime: true })}</td>
              <td className="pos-product-name">
                <NameText text={request.product} />
              </td>
              <td className="amount">
                {quantityChangeable(request.status) ? (
                  <RequestQuantityForm action={formAction} request={request} refusal={quantityRefusal} />
                ) : (
                  formatNumber(request.quantity)
                )}
              </td>
              <td>
                <ReplenishmentStatusBadge status={request.status} />
                {/* Why the head office said no: the store must not have to call to find out. */}
                {request.rejectionReason ? (
                  <div className="small text-body-secondary cell-text" data-testid={`rejection-${request.id}`}>
                    {t('stock.rejectedBecause', { reason: request.rejectionReason })}
                  </div>
                ) : null}
              </td>
              <td className="text-end">
                {request.actions.includes('receive') ? (
                  <RequestAction formAction={formAction} id={request.id} intent="receive" label={t('stock.receive')} name={t('stock.receiveOf', { id: request.id })} />
                ) : null}
                {request.actions.includes('cancel') && request.status === 'en_attente' ? (
                  <ConfirmAction
                    action={formAction}
                    intent="cancel-request"
                    fields={{ demande_id: request.id }}
                    label={t('replenishments.action.cancelRequest')}
                    accessibleName={t('replenishments.cancelOf', { id: request.id })}
                    question={t('replenishments.cancelQuestion', { id: request.id, quantity: formatNumber(request.quantity) })}
                    confirmLabel={t('replenishments.cancelConfirm')}
                  />
                ) : null}
              </td>
            </tr>
          )}
        </ListTable>
      </section>
    </>
  )
}

/** The store page with every request listed again (its stock filters kept). */
function withoutRequestsProduct({ pathname, search }: { pathname: string; search: string }): string {
  const params = new URLSearchParams(search)
  params.delete(REQUESTS_PRODUCT_PARAM)
  params.delete('dpage')
  const query = params.toString()
  return `${pathname}${query ? `?${query}` : ''}#requests-heading`
}

/** `name`: the button's accessible name, which says which request (every row's label is the same). */
function RequestAction({ formAction, id, intent, label, name }: { formAction: string; id: number; intent: string; label: string; name: string }) {
  return (
    <Form method="post" action={formAction} className="d-inline ms-1">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="demande_id" value={id} />
      <button type="submit" className={`btn btn-sm ${intent === 'receive' ? 'btn-success' : 'btn-outline-secondary'}`} aria-label={name}>
        {label}
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
