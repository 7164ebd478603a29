import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, type ShouldRevalidateFunction } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { ReplenishmentStatusBadge } from '~/components/status-badge'
import { ReplenishmentActions, TransitionError } from '~/components/warehouse/replenishment-actions'
import { RequestQuantityForm, quantityFormId } from '~/components/warehouse/request-quantity-form'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatDate, formatNumber } from '~/lib/format'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { parseRejection } from '~/lib/forms/warehouse'
import { pageTitle } from '~/lib/meta'
import { storeStockPath } from '~/lib/paths'
import { useIsPending } from '~/lib/pending'
import { loadReplenishment, runTransition } from '~/lib/replenishments.server'
import { idParam, loading, mutation, notFound, requireRole, signedIn } from '~/lib/request.server'
import { useMessage, useT } from '~/lib/root-data'
import { quantityChangeable, revalidateAfterConflict, replenishmentsPath, warehousePath, type ReplenishmentRefusal } from '~/lib/warehouse'

export const meta: MetaFunction = ({ matches, params }) => [
  { title: pageTitle(matches, 'replenishments.detailTitle', { id: params.id ?? '' }) },
]

/** One request: what it moves, the stock at both ends, its history (who, when) and what can be done next. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const id = idParam(args.params.id)
  const request = await loading(() => loadReplenishment(api, user, id))
  if (!request) throw notFound()
  return { request }
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  requireRole(ctx.user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  return loading(() => runTransition(ctx, url.pathname))
}

export const shouldRevalidate: ShouldRevalidateFunction = revalidateAfterConflict

export default function ReplenishmentPage() {
  const { request } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as ReplenishmentRefusal | undefined
  const t = useT()
  const location = useLocation()
  const formAction = location.pathname
  const canReject = request.actions.includes('reject')

  return (
    <>
      <PageHeader
        title={t('replenishments.detailTitle', { id: request.id })}
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('replenishments.title'), to: replenishmentsPath },
          { label: t('replenishments.detailCrumb', { id: request.id }) },
        ]}
      />
      <TransitionError refusal={refusal} />

      <div className="row g-3">
        <div className="col-lg-7">
          <section className="card shadow-sm h-100" aria-labelledby="request-heading">
            <div className="card-body">
              <h2 id="request-heading" className="h5 d-flex align-items-center gap-2">
                {request.product} <code className="small">{request.productCode}</code>
                <span data-testid="request-status">
                  <ReplenishmentStatusBadge status={request.status} />
                </span>
              </h2>
              <dl className="row mb-0">
                <dt className="col-sm-5">{t('replenishments.store')}</dt>
                <dd className="col-sm-7">{request.store}</dd>
                <dt className="col-sm-5">{t('stock.quantity')}</dt>
                <dd className="col-sm-7" data-testid="request-quantity">
                  {quantityChangeable(request.status) ? (
                    <RequestQuantityForm action={formAction} request={request} refusal={refusal} />
                  ) : (
                    formatNumber(request.quantity)
                  )}
                </dd>
                <dt className="col-sm-5">{t('stock.requestedAt')}</dt>
                <dd className="col-sm-7">{formatDate(request.requestedAt, { withTime: true })}</dd>
                {request.note ? (
                  <>
                    <dt className="col-sm-5">{t('replenishments.note')}</dt>
                    <dd className="col-sm-7 pos-product-name">{request.note}</dd>
                  </>
                ) : null}
                {request.rejectionReason ? (
                  <>
                    <dt className="col-sm-5">{t('replenishments.rejectionReason')}</dt>
                    <dd className="col-sm-7 pos-product-name" data-testid="rejection-reason">
                      {request.rejectionReason}
                    </dd>
                  </>
                ) : null}
                <dt className="col-sm-5">
                  <Link to={warehousePath}>{t('replenishments.warehouseStock')}</Link>
                </dt>
                <dd className="col-sm-7" data-testid="warehouse-stock">
                  {request.warehouseQuantity === null ? '—' : formatNumber(request.warehouseQuantity)}
                </dd>
                <dt className="col-sm-5">
                  <Link to={storeStockPath(request.storeId)}>{t('replenishments.storeStock', { store: request.store })}</Link>
                </dt>
                <dd className="col-sm-7" data-testid="store-stock">
                  {request.storeQuantity === null ? '—' : formatNumber(request.storeQuantity)}
                </dd>
              </dl>
            </div>
          </section>
        </div>
        <div className="col-lg-5">
          <section className="card shadow-sm h-100" aria-labelledby="actions-heading">
            <div className="card-body">
              <h2 id="actions-heading" className="h5">
                {t('replenishments.next')}
              </h2>
              {request.actions.length === 0 ? (
                <p className="text-body-secondary mb-0">{t('replenishments.finished')}</p>
              ) : (
                <>
                  <p className="small text-body-secondary">{t(`replenishments.help.${request.status}`)}</p>
                  <ReplenishmentActions
                    id={request.id}
                    quantity={request.quantity}
                    actions={request.actions}
                    formAction={formAction}
                    quantityFormId={quantityChangeable(request.status) ? quantityFormId(request.id) : undefined}
                    withReject
                  />
                  {canReject ? <RejectForm id={request.id} action={formAction} refusal={refusal?.intent === 'reject' ? refusal : undefined} /> : null}
                </>
              )}
            </div>
          </section>
        </div>
      </div>

      <section className="mt-4" aria-labelledby="history-heading">
        <h2 id="history-heading" className="h5">
          {t('replenishments.history')}
        </h2>
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table align-middle mb-0" data-testid="request-history" aria-labelledby="history-heading">
            <thead>
              <tr>
                <th scope="col">{t('replenishments.step')}</th>
                <th scope="col">{t('movements.when')}</th>
                <th scope="col">{t('movements.by')}</th>
                <th scope="col">{t('movements.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {request.history.map((step, index) => (
                // A quantity can change several times: the step name alone is not a key.
                <tr key={`${step.step}-${index}`}>
                  <td>{t(`replenishments.step.${step.step as 'demandee'}`)}</td>
                  <td className="text-nowrap">{formatDate(step.at, { withTime: true })}</td>
                  <td>{step.by ?? t('movements.byIntegration')}</td>
                  <td className="pos-product-name">
                    {step.quantityChange ? `${formatNumber(step.quantityChange.from)} → ${formatNumber(step.quantityChange.to)}` : (step.reason ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}

/** Refusing says why: the store sees the reason with its request. */
function RejectForm({ id, action, refusal }: { id: number; action: string; refusal: ReplenishmentRefusal | undefined }) {
  const t = useT()
  const describe = useMessage()
  const { formRef, onSubmit, fieldErrors } = useValidatedForm(parseRejection, refusal)
  const pending = useIsPending({ formAction: action, intent: 'reject' })
  const error = fieldErrors.motif
  return (
    <Form method="post" action={action} ref={formRef} onSubmit={onSubmit} noValidate id="refus" className="mt-3 border-top pt-3">
      <CsrfField />
      <input type="hidden" name="intent" value="reject" />
      <input type="hidden" name="demande_id" value={id} />
      <label htmlFor="refus-motif" className="form-label">
        {t('replenishments.rejectReason')}
      </label>
      <textarea
        id="refus-motif"
        name="motif"
        rows={2}
        maxLength={500}
        required
        className={`form-control${error ? ' is-invalid' : ''}`}
        defaultValue={refusal?.values?.motif}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'refus-motif-error' : undefined}
        autoFocus={Boolean(error)}
      />
      {error ? (
        <div id="refus-motif-error" className="invalid-feedback">
          {describe(error)}
        </div>
      ) : null}
      <button type="submit" className="btn btn-outline-danger btn-sm mt-2" disabled={pending}>
        {t('replenishments.action.reject')}
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
