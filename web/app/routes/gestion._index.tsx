import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ok } from '~/lib/api/client.server'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = () => [{ title: 'Gestion · Comptoir' }]

/**
 * The managers' landing page: where the head-office pages hang (dashboard,
 * reports, products, warehouse, users come here as they are built).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  return loading(async () => {
    const [alerts, pending] = await Promise.all([
      ok(api.GET('/api/v1/stock/alerts/count')),
      ok(api.GET('/api/v1/replenishments', { params: { query: { statut: 'en_attente', size: 1 } } })),
    ])
    return { alerts, pendingRequests: pending.total }
  })
}

export default function ManagementPage() {
  const { alerts, pendingRequests } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader title={t('management.title')} crumbs={[{ label: t('management.title') }]} lead={t('management.lead')} />
      <div className="row row-cols-1 row-cols-md-3 g-3">
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.stockAlerts')}</h2>
              <p className="display-6 mb-1">{formatNumber(alerts.total)}</p>
              <p className="small text-body-secondary mb-0">
                {t('management.alertBreakdown', { ruptures: alerts.ruptures, critiques: alerts.critiques, faibles: alerts.faibles })}
              </p>
            </div>
          </article>
        </div>
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.pendingRequests')}</h2>
              <p className="display-6 mb-0">{formatNumber(pendingRequests)}</p>
            </div>
          </article>
        </div>
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.stores')}</h2>
              <p className="small text-body-secondary">{t('management.storesHelp')}</p>
              <Link className="btn btn-primary btn-sm" to="/magasins">
                {t('nav.stores')}
              </Link>
            </div>
          </article>
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
