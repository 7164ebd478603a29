import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { ListTable } from '~/components/list/data-table'
import { WIDE_ONLY } from '~/components/list/folded'
import { NameText } from '~/components/name-text'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { StockStatusBadge } from '~/components/status-badge'
import { ReorderPointForm } from '~/components/stock/reorder-point-form'
import { StockFilterBar } from '~/components/stock/stock-filter-bar'
import { NarrowLabel, actionsColumn, amountColumn } from '~/components/table-head'
import { GoodsReceiptForm } from '~/components/warehouse/goods-receipt-form'
import { LedgerQuantityLink } from '~/components/warehouse/ledger-quantity-link'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import type { FormRefusal } from '~/lib/forms/refusals'
import { listAction, listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'
import { REORDER_POINT_INTENT, stockListFiltered } from '~/lib/stock'
import { replenishmentsPath, warehouseFilters, warehouseMovementsPath } from '~/lib/warehouse'
import { loadWarehouse, runWarehouseAction } from '~/lib/warehouse.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'warehouse.title') }]

/** The central warehouse (the original's /stock-central/): stock with statuses, goods in, reorder points. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, warehouseFilters, loadWarehouse)
}

export function action(args: ActionFunctionArgs) {
  // After a receipt the prefilled product is done with: back to the list as it was filtered.
  return listAction(args, MANAGER_ROLES, runWarehouseAction, { forget: ['reception'] })
}

export default function WarehousePage() {
  const { filters, stock, receiveProduct, receiptKey } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const location = useLocation()
  const formAction = location.pathname + location.search
  const savingPoint = useIsPending({ formAction, intent: REORDER_POINT_INTENT })
  const pointRefusal = refusal?.intent === REORDER_POINT_INTENT ? refusal : undefined

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
            formKey={receiptKey}
          />
        </div>
      </section>

      <StockFilterBar formId="wh" searchLabel={t('warehouse.search')} filters={filters} />
      <ListTable
        list={stock}
        testId="warehouse-table"
        hover
        caption={t('warehouse.caption')}
        paginationLabel={t('warehouse.paginationLabel')}
        empty={stockListFiltered(filters) ? t('stock.noMatch') : t('warehouse.empty')}
        columns={[
          // Below 992 px (a 768 px tablet) the code goes under the name and the reorder point's
          // heading is shorter: the table scrolled sideways there.
          { label: t('pos.search.code'), className: WIDE_ONLY },
          t('pos.search.product'),
          amountColumn(t('warehouse.quantity')),
          { label: <NarrowLabel full={t('warehouse.reorderPoint')} short={t('stock.reorderPoint')} /> },
          t('stock.status'),
          actionsColumn(t('pos.cart.actions')),
        ]}
      >
        {(item) => {
          return (
            <tr key={item.productId} data-testid={`warehouse-row-${item.code}`}>
              <td className={WIDE_ONLY}>
                <code>{item.code}</code>
              </td>
              <td className="pos-product-name">
                <NameText text={item.name} />
                <code className="d-block small d-lg-none">{item.code}</code>
              </td>
              <td className="amount" data-testid="warehouse-quantity">
                <LedgerQuantityLink ledgerPath={warehouseMovementsPath} code={item.code} name={item.name} quantity={item.quantity} />
              </td>
              <td>
                <ReorderPointForm action={formAction} item={item} refusal={pointRefusal} disabled={savingPoint} />
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
        }}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
