import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { PrintButton } from '~/components/print-button'
import { SessionReportFor } from '~/components/session-report'
import { ok } from '~/lib/api/client.server'
import { pageTitle } from '~/lib/meta'
import { registerSessionsPath } from '~/lib/paths'
import { sessionReportFor } from '~/lib/pos/blind-count'
import { registerFor } from '~/lib/pos/pos.server'
import { registerCrumbs, registerHeading } from '~/lib/pos/register-heading'
import { idParam, loading, notFound, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { getStore } from '~/lib/stores.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? pageTitle(matches, data.session.statut === 'fermee' ? 'report.zPageTitle' : 'report.xPageTitle', { register: data.register.nom })
      : pageTitle(matches, 'report.pageTitle'),
  },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const registerId = idParam(args.params.id)
  const sessionId = idParam(args.params.sessionId)
  return loading(async () => {
    const register = await registerFor(api, user, registerId)
    const [store, session] = await Promise.all([
      getStore(api, register.magasin_id),
      ok(api.GET('/api/v1/register-sessions/{id}', { params: { path: { id: sessionId } } })),
    ])
    if (session.caisse_id !== register.id) throw notFound()
    return {
      register: registerHeading(register, store),
      session: sessionReportFor(user, session),
    }
  })
}

export default function SessionReportPage() {
  const { register, session } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader
        title={session.statut === 'fermee' ? t('report.zPageTitle', { register: register.nom }) : t('report.xPageTitle', { register: register.nom })}
        crumbs={registerCrumbs(register, t('report.crumb'))}
        actions={
          <>
            <Link className="btn btn-outline-secondary btn-sm" to={`/magasins/${register.storeId}/caisses`}>
              {t('report.backToRegisters')}
            </Link>
            <Link className="btn btn-link btn-sm" to={registerSessionsPath(register.id)}>
              {t('sessions.link')}
            </Link>
            <PrintButton label={t('report.print')} className="btn btn-outline-primary btn-sm" />
          </>
        }
      />
      <div className="row">
        <div className="col-lg-7">
          <SessionReportFor view={session} />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
