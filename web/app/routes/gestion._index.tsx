import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ok } from '~/lib/api/client.server'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT, useUser } from '~/lib/root-data'

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
  const user = useUser()
  return (
    <>
      <PageHeader title={t('management.title')} crumbs={[{ label: t('management.title') }]} lead={t('management.lead')} />
      <div className="row row-cols-1 row-cols-md-3 g-3">
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.stockAlerts')}</h2>
              <p className="display-6 mb-1">{formatNumber(alerts.total)}</p>
              <p className="small text-body-secondary">
                {t('management.alertBreakdown', { ruptures: alerts.ruptures, critiques: alerts.critiques, faibles: alerts.faibles })}
              </p>
              <Link className="btn btn-primary btn-sm" to="/entrepot">
                {t('nav.warehouse')}
              </Link>
            </div>
          </article>
        </div>
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.pendingRequests')}</h2>
              <p className="display-6">{formatNumber(pendingRequests)}</p>
              <div className="d-flex flex-wrap gap-2">
                <Link className="btn btn-primary btn-sm" to="/reapprovisionnements?statut=en_attente">
                  {t('nav.replenishments')}
                </Link>
                <Link className="btn btn-outline-primary btn-sm" to="/reapprovisionnements/suggestions">
                  {t('replenishments.tabSuggestions')}
                </Link>
              </div>
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
        <div className="col">
          <article className="card h-100 shadow-sm">
            <div className="card-body">
              <h2 className="h5">{t('management.catalog')}</h2>
              <p className="small text-body-secondary">{t('management.catalogHelp')}</p>
              <div className="d-flex flex-wrap gap-2">
                <Link className="btn btn-primary btn-sm" to="/produits">
                  {t('nav.products')}
                </Link>
                <Link className="btn btn-outline-primary btn-sm" to="/categories">
                  {t('categories.title')}
                </Link>
              </div>
            </div>
          </article>
        </div>
        {user?.role === 'admin' ? (
          <div className="col">
            <article className="card h-100 shadow-sm">
              <div className="card-body">
                <h2 className="h5">{t('management.access')}</h2>
                <p className="small text-body-secondary">{t('management.accessHelp')}</p>
                <div className="d-flex flex-wrap gap-2">
                  <Link className="btn btn-primary btn-sm" to="/utilisateurs">
                    {t('nav.users')}
                  </Link>
                  <Link className="btn btn-outline-primary btn-sm" to="/jetons">
                    {t('nav.tokens')}
                  </Link>
                </div>
              </div>
            </article>
          </div>
        ) : null}
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
