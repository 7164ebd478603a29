import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { AdjustmentForm, MovementFiltersForm, MovementsTable } from '~/components/warehouse/movements-view'
import { MANAGER_ROLES, hasRole } from '~/lib/auth/roles'
import type { FormRefusal } from '~/lib/forms/refusals'
import { listAction } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { loadMovements, runAdjustment } from '~/lib/movements.server'
import { storeRegistersPath, storeStockPath } from '~/lib/paths'
import { idParam, loading, requireStoreAccess, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { getStore } from '~/lib/stores.server'
import { movementFilters } from '~/lib/warehouse'

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, 'movements.storeTitle', { store: data?.store.nom ?? '' }) },
]

/** A store's ledger (its clerk may read it) and, for managers, adjustments with a reason. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(user, storeId)
  const filters = movementFilters(new URL(args.request.url))
  return loading(async () => {
    const [store, ledger] = await Promise.all([getStore(api, storeId), loadMovements(api, { storeId }, filters)])
    const manager = hasRole(user, MANAGER_ROLES)
    // A clerk reads the ledger but neither adjusts nor opens a replenishment request (403 there).
    return { store: { id: store.id, nom: store.nom }, filters, canAdjust: manager, requestLinks: manager, ...ledger }
  })
}

export function action(args: ActionFunctionArgs) {
  const storeId = idParam(args.params.id)
  return listAction(args, MANAGER_ROLES, (ctx, back) => runAdjustment(ctx, { storeId }, back))
}

export default function StoreMovementsPage() {
  const { store, filters, canAdjust, requestLinks, movements, unknownCode, adjustmentKey, productCode } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const location = useLocation()
  return (
    <>
      <PageHeader
        title={t('movements.storeTitle', { store: store.nom })}
        crumbs={[
          { label: store.nom, to: storeRegistersPath(store.id) },
          { label: t('stock.crumb'), to: storeStockPath(store.id) },
          { label: t('movements.crumb') },
        ]}
      />
      {canAdjust ? (
        <section className="card shadow-sm mb-4">
          <div className="card-body">
            <AdjustmentForm key={location.key} action={location.pathname + location.search} refusal={refusal} formKey={adjustmentKey} code={productCode} />
          </div>
        </section>
      ) : null}
      <h2 className="h5">{t('movements.ledgerTitle')}</h2>
      <MovementFiltersForm filters={filters} location="store" />
      <MovementsTable
        movements={movements}
        caption={t('movements.storeTitle', { store: store.nom })}
        empty={unknownCode ? t('movements.unknownProduct', { code: filters.code }) : t('movements.empty')}
        requestLinks={requestLinks}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
