import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { FormError } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { FilterBar, StoreFilter } from '~/components/list/filter-bar'
import { Folded, WIDE_ONLY } from '~/components/list/folded'
import { InlineNumberForm } from '~/components/list/inline-number-form'
import { InFlightRequestCell, inFlightLinkId } from '~/components/stock/in-flight-request'
import { ProductCell } from '~/components/list/product-cell'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { StockStatusBadge } from '~/components/status-badge'
import { amountColumn } from '~/components/table-head'
import { ReplenishmentTabs } from '~/components/warehouse/replenishment-tabs'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { MAX_MOVEMENT_QUANTITY } from '~/lib/forms/warehouse'
import { listAction, listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { createSuggestedRequest, loadSuggestions } from '~/lib/replenishments.server'
import { useT } from '~/lib/root-data'
import { replenishmentPath, suggestionFilters, type ReplenishmentRefusal } from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'replenishments.suggestionsTitle') }]

/**
 * What each store should ask for now (reorder points and the last 30 days of
 * sales: the original's "Réapprovisionnement urgent"), one click from a request.
 */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, suggestionFilters, loadSuggestions)
}

export function action(args: ActionFunctionArgs) {
  return listAction(args, MANAGER_ROLES, createSuggestedRequest)
}

export default function SuggestionsPage() {
  const { filters, stores, suggestions } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as ReplenishmentRefusal | undefined
  const t = useT()
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

      <FilterBar label={t('replenishments.filterLabel')} filtered={filters.storeId !== null} actionsClassName="col-sm-3">
        <StoreFilter formId="sug" value={filters.storeId} stores={stores} label={t('replenishments.store')} any={t('replenishments.allStores')} className="col-sm-5 col-lg-4" />
      </FilterBar>

      <ListTable
        list={suggestions}
        testId="suggestions-table"
        caption={t('replenishments.suggestionsTitle')}
        empty={t('replenishments.noSuggestions')}
        columns={[
          t('replenishments.priority'),
          t('replenishments.store'),
          t('pos.search.product'),
          amountColumn(t('stock.quantity')),
          // Below 992 px (a 768 px tablet) the status, the sales per day and the quantity in
          // flight go under the quantity, the days left and the central stock: ten columns
          // scrolled sideways there, the request's button out of sight.
          { label: t('replenishments.reorderStatus'), className: WIDE_ONLY },
          { label: t('replenishments.salesPerDay'), className: `amount ${WIDE_ONLY}` },
          amountColumn(t('replenishments.daysLeft')),
          { label: t('replenishments.inFlight'), className: `amount ${WIDE_ONLY}` },
          amountColumn(t('replenishments.warehouseStock')),
          t('replenishments.requestQuantity'),
        ]}
      >
        {(s) => {
          const row = `${s.storeId}:${s.productId}`
          const mine = refusal?.row === row ? refusal : undefined
          return (
            <tr key={row} data-testid={`suggestion-${s.storeId}-${s.code}`}>
              <td>
                <span className={`badge ${s.urgent ? 'text-bg-danger' : 'text-bg-warning'}`}>{t(s.urgent ? 'replenishments.urgent' : 'replenishments.medium')}</span>
              </td>
              <td>{s.store}</td>
              <ProductCell name={s.product} code={s.code} />
              <td className="amount">
                {formatNumber(s.quantity)} / {formatNumber(s.reorderPoint)}
                <Folded label={t('replenishments.reorderStatus')}>
                  <StockStatusBadge status={s.status} />
                </Folded>
              </td>
              <td className={WIDE_ONLY}>
                <StockStatusBadge status={s.status} />
              </td>
              <td className={`amount ${WIDE_ONLY}`}>{formatNumber(s.salesPerDay)}</td>
              <td className="amount">
                {s.daysLeft === null ? '—' : formatNumber(s.daysLeft)}
                <Folded label={t('replenishments.salesPerDay')}>{formatNumber(s.salesPerDay)}</Folded>
              </td>
              <td className={`amount ${WIDE_ONLY}`}>{formatNumber(s.inFlight)}</td>
              <td className="amount">
                {formatNumber(s.warehouseQuantity)}
                {s.warehouseShort ? (
                  // May wrap like the folded values: on one line « Besoin : 24 » widened the column past a tablet's width once names kept their words whole.
                  <div className="small text-danger-emphasis text-wrap">{t('replenishments.warehouseShort', { need: formatNumber(s.need) })}</div>
                ) : null}
                <Folded label={t('replenishments.inFlight')}>{formatNumber(s.inFlight)}</Folded>
              </td>
              <td>
                {s.request ? (
                  <InFlightRequestCell
                    id={`in-flight-${s.storeId}-${s.productId}`}
                    request={s.request}
                    to={replenishmentPath(s.request.id)}
                    error={mine?.error}
                  />
                ) : (
                  <InlineNumberForm
                    action={formAction}
                    intent="create"
                    fields={{ magasin_id: s.storeId, produit_id: s.productId, cle: s.idempotencyKey }}
                    inputId={`suggestion-${s.storeId}-${s.productId}`}
                    name="quantite"
                    label={t('replenishments.quantityFor', { name: s.product, store: s.store })}
                    min={1}
                    max={MAX_MOVEMENT_QUANTITY}
                    defaultValue={mine?.values?.quantite ?? s.suggested}
                    error={mine?.fieldErrors?.quantite ?? mine?.fieldErrors?.cle ?? mine?.error}
                    submitLabel={t('replenishments.createRequest')}
                    submitClassName="btn-primary"
                    disabled={creating}
                    replacedBy={inFlightLinkId(`in-flight-${s.storeId}-${s.productId}`)}
                    errorLink={
                      mine?.inFlight
                        ? { to: replenishmentPath(mine.inFlight.id), label: t('replenishments.openInFlight', { id: mine.inFlight.id }) }
                        : undefined
                    }
                  />
                )}
              </td>
            </tr>
          )
        }}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
