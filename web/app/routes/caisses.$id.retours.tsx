import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { SaleReturnForms } from '~/components/pos/sale-return-forms'
import { SaleStatusBadge } from '~/components/status-badge'
import { actionsColumn, amountColumn, TableHead } from '~/components/table-head'
import { TitledCard } from '~/components/titled-card'
import { formatDay, formatMoney, formatNumber, formatTime } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { centsFromWire } from '~/lib/money'
import { idParam, loading, mutation, overrideClients, signedIn } from '~/lib/request.server'
import { returnsPath } from '~/lib/paths'
import { registerCrumbs, registerHomePath } from '~/lib/pos/register-heading'
import { handedBackCents, returnedItems } from '~/lib/returns'
import { loadReturnsPage, runReturnAction, type ReturnActionResult } from '~/lib/returns.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'returns.title', { register: data.register.nom }) : pageTitle(matches, 'returns.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const ctx = await signedIn(args)
  return loading(() => loadReturnsPage(ctx, idParam(args.params.id), new URL(args.request.url)))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  return loading(() => runReturnAction({ ...ctx, overrideClients: overrideClients(args) }, idParam(args.params.id), new URL(args.request.url)))
}

export default function ReturnsPage() {
  const view = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ReturnActionResult | undefined
  const t = useT()
  const path = returnsPath(view.register.id)
  const pastDay = view.recent.day !== view.recent.today
  const listTitle = pastDay ? t('returns.dayTitle', { day: formatDay(view.recent.day) }) : t('returns.recentTitle')
  return (
    <>
      <PageHeader
        title={t('returns.title', { register: view.register.nom })}
        crumbs={registerCrumbs(view.register, t('returns.crumb'))}
        actions={
          <Link className="btn btn-outline-secondary btn-sm" to={registerHomePath(view.register)}>
            {view.register.active ? t('returns.backToPos') : t('report.backToRegisters')}
          </Link>
        }
      />
      <p className="text-body-secondary">{t('returns.intro')}</p>

      <div className="row g-3">
        <div className="col-lg-5">
          <TitledCard id="find-heading" title={t('returns.findTitle')} className="mb-3">
            {/* A search is a GET: it changes nothing and can be bookmarked. */}
            <Form method="get" action={path} role="search">
              <label htmlFor="find-recu" className="form-label">
                {t('returns.receiptNumber')}
              </label>
              <div className="input-group">
                <input
                  id="find-recu"
                  name="recu"
                  className={`form-control${view.searchMiss ? ' is-invalid' : ''}`}
                  defaultValue={view.search}
                  placeholder="S1-R1-00000042"
                  autoComplete="off"
                  autoFocus={!view.sale}
                  aria-invalid={view.searchMiss ? true : undefined}
                  aria-describedby={view.searchMiss ? 'find-recu-error' : undefined}
                />
                <button type="submit" className="btn btn-primary">
                  {t('returns.find')}
                </button>
              </div>
              {view.searchMiss ? (
                <div id="find-recu-error" className="invalid-feedback d-block" role="alert">
                  {view.searchElsewhere ? (
                    <>
                      {t('returns.otherStore', { search: view.search, store: view.searchElsewhere.storeName })}{' '}
                      <Link to={`/magasins/${view.searchElsewhere.storeId}/caisses`}>{t('returns.otherStoreLink', { store: view.searchElsewhere.storeName })}</Link>
                    </>
                  ) : (
                    t('returns.notFound', { search: view.search })
                  )}
                </div>
              ) : null}
            </Form>
          </TitledCard>

          <TitledCard id="recent-heading" title={listTitle}>
            {/* Another day's sales (a receipt lost, yesterday evening's sale): a GET, like the search. */}
            <Form method="get" action={path} className="d-flex flex-wrap gap-2 align-items-end mb-3">
              <div>
                <label htmlFor="recent-day" className="form-label small mb-1">
                  {t('returns.day')}
                </label>
                <input
                  type="date"
                  id="recent-day"
                  name="jour"
                  className="form-control form-control-sm"
                  defaultValue={view.recent.day}
                  max={view.recent.today}
                  required
                />
              </div>
              <button type="submit" className="btn btn-sm btn-outline-secondary">
                {t('returns.showDay')}
              </button>
            </Form>
            {view.recent.items.length === 0 ? (
              <EmptyState>{pastDay ? t('returns.dayEmpty', { day: formatDay(view.recent.day) }) : t('returns.recentEmpty')}</EmptyState>
            ) : (
              <div className="table-responsive">
                <table className="table table-sm align-middle mb-0" data-testid="recent-sales">
                  <TableHead columns={[t('returns.time'), t('receipt.number'), amountColumn(t('pos.totals.total')), actionsColumn(t('pos.cart.actions'))]} />
                  <tbody>
                    {view.recent.items.map((sale) => (
                      <tr key={sale.id} className={view.sale?.id === sale.id ? 'table-active' : undefined}>
                        <td className="text-nowrap">{sale.createdAt ? formatTime(sale.createdAt) : ''}</td>
                        <td>
                          <code>{sale.receiptNumber}</code>
                          {sale.status !== 'terminee' ? <SaleStatusBadge status={sale.status} className="ms-1" /> : null}
                        </td>
                        <td className="amount">{formatMoney(sale.totalCents)}</td>
                        <td className="text-end">
                          <Link className="btn btn-sm btn-outline-primary" to={`${path}?vente=${sale.id}${pastDay ? `&jour=${view.recent.day}` : ''}`}>
                            {t('returns.select')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination page={view.recent.page} size={view.recent.size} total={view.recent.total} label={listTitle} />
          </TitledCard>
        </div>

        <div className="col-lg-7">
          {view.lastReturn ? (
            <section className="alert alert-success" aria-labelledby="refund-heading" data-testid="refund">
              <h2 id="refund-heading" className="h5">
                {t('returns.doneTitle', { id: view.lastReturn.id })}
              </h2>
              <p className="mb-1">
                {t('returns.doneAmount', {
                  amount: formatMoney(handedBackCents(view.lastReturn)),
                  mode: t(`receipt.mode.${view.lastReturn.mode_remboursement}`),
                })}
              </p>
              {view.lastReturn.arrondi_especes && centsFromWire(view.lastReturn.arrondi_especes) !== 0 ? (
                <p className="mb-1 small" data-testid="refund-cash-rounding">
                  {t('returns.cashRounding', {
                    handed: formatMoney(handedBackCents(view.lastReturn)),
                    total: formatMoney(centsFromWire(view.lastReturn.total)),
                  })}
                </p>
              ) : null}
              {/* A refund split across tenders: what goes back to the card, and what the drawer hands over. */}
              {view.lastReturn.remboursements.length > 1 ? (
                <ul className="mb-2 fw-semibold" data-testid="refund-parts">
                  {view.lastReturn.remboursements.map((part) => (
                    <li key={part.mode}>
                      {t('returns.refundPart', { mode: t(`receipt.mode.${part.mode}`), amount: formatMoney(centsFromWire(part.montant)) })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <ul className="mb-0 small">
                {/* One sale line may come twice, its whole items and its damaged ones: said as one. */}
                {returnedItems(view.lastReturn.lignes).map((item) => (
                  <li key={item.lineId}>
                    {item.quantity} × {item.name}
                    {item.damaged > 0 ? `, ${t('returns.writtenOff', { count: formatNumber(item.damaged) })}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {view.sale ? (
            <SaleReturnForms
              key={`${view.sale.id}-${view.idempotencyKey}`}
              sale={view.sale}
              path={path}
              idempotencyKey={view.idempotencyKey}
              result={result}
              justReturned={Boolean(view.lastReturn)}
              day={pastDay ? view.recent.day : null}
              notes={{
                soldAt: view.soldAt,
                here: view.register.nom,
                active: view.register.active,
                drawerOpen: view.drawerOpen,
                posPath: registerHomePath(view.register),
              }}
            />
          ) : (
            <EmptyState>{t('returns.pickSale')}</EmptyState>
          )}
        </div>
      </div>
    </>
  )
}


export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
