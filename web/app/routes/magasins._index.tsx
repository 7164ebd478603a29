import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { formatNumber } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { loading, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { listStores } from '~/lib/stores.server'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'stores.pageTitle') }]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  // A clerk has one store: theirs.
  if (user.role === 'clerk' && user.storeId) throw redirect(`/magasins/${user.storeId}/caisses`)
  return loading(async () => {
    const { items, total } = await listStores(api)
    return { stores: items.map(({ id, nom, adresse, telephone }) => ({ id, nom, adresse, telephone })), total }
  })
}

export default function StoresPage() {
  const { stores, total } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader title={t('stores.title')} crumbs={[{ label: t('stores.title') }]} lead={t('stores.lead')} />
      {stores.length === 0 ? (
        <EmptyState>{t('stores.empty')}</EmptyState>
      ) : (
        <div className="row row-cols-1 row-cols-md-2 row-cols-lg-3 g-3">
          {stores.map((store) => (
            <div className="col" key={store.id}>
              <article className="card h-100 shadow-sm">
                <div className="card-body">
                  <h2 className="card-title h5">{store.nom}</h2>
                  <p className="card-text mb-1">{store.adresse || t('stores.noAddress')}</p>
                  <p className="card-text text-body-secondary">{store.telephone || t('stores.noPhone')}</p>
                </div>
                <div className="card-footer bg-transparent d-flex flex-wrap gap-2">
                  <Link className="btn btn-primary btn-sm" to={`/magasins/${store.id}/caisses`}>
                    {t('stores.registers')}
                  </Link>
                  <Link className="btn btn-outline-secondary btn-sm" to={`/magasins/${store.id}/stock`}>
                    {t('stores.stock')}
                  </Link>
                </div>
              </article>
            </div>
          ))}
        </div>
      )}
      {total > stores.length ? <p className="mt-3 small text-body-secondary">{t('stores.partial', { shown: formatNumber(stores.length), total: formatNumber(total) })}</p> : null}
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
