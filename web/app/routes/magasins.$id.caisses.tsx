import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { formatMoney, formatNumber, formatTimeToday } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { registerSessionPath, registerSessionsPath } from '~/lib/paths'
import { sessionView } from '~/lib/pos/pos.server'
import { idParam, loading, requireStoreAccess, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { currentSession, getStore, listRegisters, type RegisterSession } from '~/lib/stores.server'
import { storeSalesPath } from '~/lib/sales-journal'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'registers.pageTitleOf', { store: data.store.nom }) : pageTitle(matches, 'registers.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const storeId = idParam(args.params.id)
  requireStoreAccess(user, storeId)
  return loading(async () => {
    const [store, registers] = await Promise.all([getStore(api, storeId), listRegisters(api, storeId)])
    const sessions = await Promise.all(registers.map((register) => currentSession(api, register)))
    return {
      store: { id: store.id, nom: store.nom, adresse: store.adresse },
      registers: registers.map((register, index) => ({
        id: register.id,
        numero: register.numero,
        nom: register.nom,
        actif: register.actif,
        session: withSalesCount(sessions[index] ?? null),
      })),
    }
  })
}

/** The open session as the POS shows it, with the number of sales from its X report. */
function withSalesCount(session: RegisterSession | null) {
  const view = sessionView(session)
  // A clerk's X report is its counts only (ADR 0026); the number of sales is one of them.
  return view && { ...view, salesCount: (session?.rapport ?? session?.rapport_aveugle)?.ventes.nombre ?? 0 }
}

export default function StoreRegistersPage() {
  const { store, registers } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader
        title={store.nom}
        crumbs={[{ label: t('stores.title'), to: '/magasins' }, { label: store.nom }]}
        lead={store.adresse || undefined}
        actions={
          <>
            <Link className="btn btn-outline-secondary btn-sm" to={`/magasins/${store.id}/stock`}>
              {t('stores.stock')}
            </Link>
            <Link className="btn btn-outline-secondary btn-sm" to={storeSalesPath(store.id)}>
              {t('nav.sales')}
            </Link>
          </>
        }
      />
      <h2 className="h5 mb-3">{t('registers.title', { count: formatNumber(registers.length) })}</h2>
      {registers.length === 0 ? (
        <EmptyState>{t('registers.empty')}</EmptyState>
      ) : (
        <div className="row row-cols-1 row-cols-sm-2 row-cols-lg-3 g-3">
          {registers.map((register) => (
            <div className="col" key={register.id}>
              <article className="card h-100 shadow-sm" data-testid={`register-${register.id}`}>
                <div className="card-body">
                  <h3 className="card-title h5">{register.nom}</h3>
                  <p className="card-text text-body-secondary mb-2">{t('registers.number', { number: register.numero })}</p>
                  {register.session ? (
                    <p className="mb-0">
                      <span className="badge text-bg-success">{t('registers.open')}</span>{' '}
                      <span className="small">
                        {t('registers.openSince', {
                          time: formatTimeToday(register.session.openedAt),
                          amount: formatMoney(register.session.floatCents),
                          sales: register.session.salesCount,
                        })}
                      </span>
                    </p>
                  ) : (
                    <p className="mb-0">
                      <span className="badge text-bg-secondary">{register.actif ? t('registers.closed') : t('registers.inactive')}</span>
                    </p>
                  )}
                </div>
                {register.actif ? (
                  <div className="card-footer bg-transparent d-flex flex-wrap gap-2">
                    <Link className="btn btn-primary btn-sm" to={`/caisses/${register.id}/vente`}>
                      {register.session ? t('registers.newSale') : t('registers.openRegister')}
                    </Link>
                    <Link className="btn btn-outline-secondary btn-sm" to={`/caisses/${register.id}/retours`}>
                      {t('registers.returns')}
                    </Link>
                    {register.session ? (
                      <Link className="btn btn-outline-secondary btn-sm" to={registerSessionPath(register.id, register.session.id)}>
                        {t('pos.xReportLink')}
                      </Link>
                    ) : null}
                    <Link className="btn btn-link btn-sm" to={registerSessionsPath(register.id)}>
                      {t('sessions.link')}
                    </Link>
                  </div>
                ) : null}
              </article>
            </div>
          ))}
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
