import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ok } from '~/lib/api/client.server'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT, useUser } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'management.title') }]

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
        <HubCard
          title={t('management.stockAlerts')}
          figure={formatNumber(alerts.total)}
          help={t('management.alertBreakdown', {
            ruptures: formatNumber(alerts.ruptures),
            critiques: formatNumber(alerts.critiques),
            faibles: formatNumber(alerts.faibles),
          })}
          links={[{ to: '/entrepot', label: t('nav.warehouse') }]}
        />
        <HubCard
          title={t('management.pendingRequests')}
          figure={formatNumber(pendingRequests)}
          links={[
            { to: '/reapprovisionnements?statut=en_attente', label: t('nav.replenishments') },
            { to: '/reapprovisionnements/suggestions', label: t('replenishments.tabSuggestions') },
          ]}
        />
        <HubCard title={t('management.stores')} help={t('management.storesHelp')} links={[{ to: '/magasins', label: t('nav.stores') }]} />
        <HubCard
          title={t('management.catalog')}
          help={t('management.catalogHelp')}
          links={[
            { to: '/produits', label: t('nav.products') },
            { to: '/categories', label: t('categories.title') },
          ]}
        />
        {user?.role === 'admin' ? (
          <HubCard
            title={t('management.access')}
            help={t('management.accessHelp')}
            links={[
              { to: '/utilisateurs', label: t('nav.users') },
              { to: '/jetons', label: t('nav.tokens') },
            ]}
          />
        ) : null}
      </div>
    </>
  )
}

/** One area of the head office: a figure or a word on it, and its pages (the first is the main one). */
function HubCard({ title, figure, help, links }: { title: string; figure?: string; help?: string; links: { to: string; label: string }[] }) {
  return (
    <div className="col">
      <article className="card h-100 shadow-sm">
        <div className="card-body">
          <h2 className="h5">{title}</h2>
          {figure !== undefined ? <p className={help ? 'display-6 mb-1' : 'display-6'}>{figure}</p> : null}
          {help ? <p className="small text-body-secondary">{help}</p> : null}
          <div className="d-flex flex-wrap gap-2">
            {links.map((link, index) => (
              <Link key={link.to} className={`btn btn-sm ${index === 0 ? 'btn-primary' : 'btn-outline-primary'}`} to={link.to}>
                {link.label}
              </Link>
            ))}
          </div>
        </div>
      </article>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
