import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { ListTable } from '~/components/list/data-table'
import { DayRangeFields, FilterBar } from '~/components/list/filter-bar'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { Variance } from '~/components/session-report'
import { amountColumn } from '~/components/table-head'
import { ok } from '~/lib/api/client.server'
import { formatDate, formatMoney } from '~/lib/format'
import { dayRangeFrom, pageFrom } from '~/lib/list-query'
import { pageTitle } from '~/lib/meta'
import { centsFromWire } from '~/lib/money'
import { registerSessionPath } from '~/lib/paths'
import { registerFor } from '~/lib/pos/pos.server'
import { registerCrumbs, registerHeading } from '~/lib/pos/register-heading'
import { idParam, loading, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { getStore } from '~/lib/stores.server'

const SESSIONS_PAGE_SIZE = 20

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'sessions.title', { register: data.register.nom }) : pageTitle(matches, 'sessions.crumb') },
]

/** A register's drawer sessions, newest first: each X or Z report found again, with what the count found. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const registerId = idParam(args.params.id)
  const params = new URL(args.request.url).searchParams
  const page = pageFrom(params.get('page'))
  // The sessions opened on some days: a store-day's Z reports found without paging back.
  const days = dayRangeFrom(params)
  const period = { ...(days.from ? { date_debut: days.from } : {}), ...(days.to ? { date_fin: days.to } : {}) }
  return loading(async () => {
    const register = await registerFor(api, user, registerId)
    const [store, sessions] = await Promise.all([
      getStore(api, register.magasin_id),
      ok(api.GET('/api/v1/registers/{id}/sessions', { params: { path: { id: register.id }, query: { page, size: SESSIONS_PAGE_SIZE, ...period } } })),
    ])
    return { register: registerHeading(register, store), sessions, days }
  })
}

export default function RegisterSessionsPage() {
  const { register, sessions, days } = useLoaderData<typeof loader>()
  const t = useT()
  const filtered = days.from !== null || days.to !== null || Object.keys(days.errors).length > 0
  return (
    <>
      <PageHeader title={t('sessions.title', { register: register.nom })} crumbs={registerCrumbs(register, t('sessions.crumb'))} lead={t('sessions.lead')} />
      <FilterBar label={t('sessions.filterLabel')} filtered={filtered} actionsClassName="col-lg-2">
        <DayRangeFields formId="sessions" range={days} className="col-6 col-lg-3" />
      </FilterBar>
      <ListTable
        list={sessions}
        testId="register-sessions"
        compact
        caption={t('sessions.caption')}
        paginationLabel={t('sessions.pages')}
        empty={filtered ? t('sessions.noMatch') : t('sessions.empty')}
        columns={[
          t('report.openedAt'),
          t('report.closedAt'),
          amountColumn(t('session.float')),
          amountColumn(t('report.expectedCash')),
          amountColumn(t('report.countedCash')),
          amountColumn(t('report.variance')),
          t('sessions.report'),
        ]}
      >
        {(session) => (
          <tr key={session.id}>
            <td>{formatDate(session.ouverte_le, { withTime: true })}</td>
            <td>{session.fermee_le ? formatDate(session.fermee_le, { withTime: true }) : <span className="badge text-bg-success">{t('sessions.running')}</span>}</td>
            <td className="amount">{formatMoney(centsFromWire(session.fond_de_caisse))}</td>
            <td className="amount">{session.especes_attendues ? formatMoney(centsFromWire(session.especes_attendues)) : '—'}</td>
            <td className="amount">{session.especes_comptees ? formatMoney(centsFromWire(session.especes_comptees)) : '—'}</td>
            <td className={`amount${session.ecart !== null && centsFromWire(session.ecart) !== 0 ? ' text-danger' : ''}`}>
              <Variance wire={session.ecart} />
            </td>
            <td>
              <Link
                to={registerSessionPath(register.id, session.id)}
                aria-label={t('sessions.openReport', { type: session.fermee_le ? 'Z' : 'X', date: formatDate(session.ouverte_le, { withTime: true }) })}
              >
                {session.fermee_le ? t('sessions.zReport') : t('sessions.xReport')}
              </Link>
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
