import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { AdjustmentForm, MovementFiltersForm, MovementsTable } from '~/components/warehouse/movements-view'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import type { FormRefusal } from '~/lib/forms/refusals'
import { listAction, listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { loadMovements, runAdjustment, type LedgerLocation } from '~/lib/movements.server'
import { useT } from '~/lib/root-data'
import { movementFilters, warehousePath } from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'movements.warehouseTitle') }]

const WAREHOUSE: LedgerLocation = { warehouse: true }

/** The central warehouse's ledger: receipts in, replenishments out, adjustments. Managers only. */
export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, movementFilters, (api, filters) => loadMovements(api, WAREHOUSE, filters))
}

export function action(args: ActionFunctionArgs) {
  return listAction(args, MANAGER_ROLES, (ctx, back) => runAdjustment(ctx, WAREHOUSE, back))
}

export default function WarehouseMovementsPage() {
  const { filters, movements, unknownCode, adjustmentKey, productCode } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const location = useLocation()
  return (
    <>
      <PageHeader
        title={t('movements.warehouseTitle')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('warehouse.title'), to: warehousePath }, { label: t('movements.crumb') }]}
      />
      <section className="card shadow-sm mb-4">
        <div className="card-body">
          <AdjustmentForm key={location.key} action={location.pathname + location.search} refusal={refusal} formKey={adjustmentKey} code={productCode} />
        </div>
      </section>
      <h2 className="h5">{t('movements.ledgerTitle')}</h2>
      <MovementFiltersForm filters={filters} location="warehouse" />
      <MovementsTable
        movements={movements}
        caption={t('movements.warehouseTitle')}
        empty={unknownCode ? t('movements.unknownProduct', { code: filters.code }) : t('movements.empty')}
        requestLinks
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
