import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRef, useState, type FormEvent } from 'react'

import { CsrfField } from '~/components/csrf-field'
import { EmptyState } from '~/components/empty-state'
import { CheckField } from '~/components/form-controls'
import { Field, FormError } from '~/components/form-field'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { SaleStatusBadge } from '~/components/status-badge'
import { actionsColumn, amountColumn, TableHead } from '~/components/table-head'
import { TitledCard } from '~/components/titled-card'
import { formatDate, formatDay, formatMoney, formatNumber, formatTime } from '~/lib/format'
import { focusFirstRefusal, useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { firstFieldInError } from '~/lib/forms/refusals'
import { parseReturn, REFUND_METHODS, type FieldErrors } from '~/lib/forms/schemas'
import { pageTitle } from '~/lib/meta'
import { centsFromWire } from '~/lib/money'
import { useIsPending } from '~/lib/pending'
import { idParam, loading, mutation, signedIn } from '~/lib/request.server'
import { returnsPath } from '~/lib/paths'
import { tenderRefundsText } from '~/lib/pos/refund-tenders'
import { registerCrumbs, registerHomePath } from '~/lib/pos/register-heading'
import { loadReturnsPage, runReturnAction, type ReturnActionResult, type SaleForReturn } from '~/lib/returns.server'
import type { Message } from '~/lib/i18n/index'
import { useMessage, useT } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'returns.title', { register: data.register.nom }) : pageTitle(matches, 'returns.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  const ctx = await signedIn(args)
  return loading(() => loadReturnsPage(ctx, idParam(args.params.id), new URL(args.request.url)))
}

export async function action(args: ActionFunctionArgs) {
  const ctx = await mutation(args)
  return loading(() => runReturnAction(ctx, idParam(args.params.id), new URL(args.request.url)))
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
                  amount: formatMoney(centsFromWire(view.lastReturn.total)),
                  mode: t(`receipt.mode.${view.lastReturn.mode_remboursement}`),
                })}
              </p>
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

function SaleReturnForms({
  sale,
  path,
  idempotencyKey,
  result,
  justReturned,
  day,
  notes,
}: {
  sale: SaleForReturn
  path: string
  idempotencyKey: string
  result: ReturnActionResult | undefined
  /** A return was just recorded: the refund to hand over is read first, nothing takes the focus. */
  justReturned: boolean
  /** The day whose list the sale was picked from, kept through a refusal and the redirect. */
  day: string | null
  /** What the clerk should know before typing: the register that sold it, this drawer's state. */
  notes: { soldAt: string | null; here: string; active: boolean; drawerOpen: boolean; posPath: string }
}) {
  const t = useT()
  const formRef = useRef<HTMLFormElement>(null)
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null)
  const returnResult = result?.intent === 'return' ? result : undefined
  // One form speaks at a time: the cancel's refusal goes once the return form is refused in the browser…
  const cancelResult = result?.intent === 'cancel' && !localErrors ? result : undefined
  const fieldErrors = localErrors ?? returnResult?.fieldErrors
  // A refused form comes back as it was posted: nothing the clerk typed or chose is lost.
  const posted = returnResult?.values
  // Without JavaScript, the focus goes to the first field in error, in the form's order; a sale just
  // found (by its receipt number, or picked in the list) opens on its first quantity to return.
  const firstReturnable = sale.lines.find((line) => line.remaining > 0)
  const focused =
    firstFieldInError(fieldErrors, [...sale.lines.flatMap((line) => [`qte_${line.lineId}`, `abime_${line.lineId}`]), 'motif']) ??
    (!result && !justReturned && firstReturnable ? `qte_${firstReturnable.lineId}` : null)
  // Posting to the URL that shows this sale: without JavaScript, an error re-renders the same page.
  const formAction = `${path}?vente=${sale.id}${day ? `&jour=${day}` : ''}`
  // Who cannot take it back here: a clerk past their period, anyone at a register out of service.
  const refusal = sale.clerkDeadlinePassed
    ? t('receipt.returnWindowPassed', { date: formatDate(sale.clerkDeadlinePassed, { withTime: true }) })
    : notes.active
      ? null
      : t('returns.registerInactive', { here: notes.here })
  const returning = useIsPending({ formAction, intent: 'return' })
  const cancelling = useIsPending({ formAction, intent: 'cancel' })
  const nothingLeft = sale.lines.every((line) => line.remaining === 0)
  const itemsLeft = sale.lines.reduce((sum, line) => sum + line.remaining, 0)
  const cancelUnconfirmed = cancelResult?.fieldErrors?.confirmer

  useFocusOnRefusal(result)

  const validate = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseReturn(new FormData(event.currentTarget), sale.lines)
    setLocalErrors(parsed.ok ? null : parsed.errors)
    if (!parsed.ok) {
      event.preventDefault()
      // Once React has drawn the errors just found.
      requestAnimationFrame(() => focusFirstRefusal(formRef.current))
    }
  }

  return (
    <TitledCard id="sale-heading" title={t('returns.saleTitle', { number: sale.receiptNumber })} testId="sale-for-return">
      <p className="text-body-secondary small">
        {sale.createdAt ? formatDate(sale.createdAt, { withTime: true }) : ''} · {t('pos.totals.total')} {formatMoney(sale.totalCents)}
        {sale.refundedCents > 0 ? ` · ${t('returns.alreadyRefunded', { amount: formatMoney(sale.refundedCents) })}` : ''}
        {sale.refundsByTender.length > 0 ? <span data-testid="refunded-by-tender"> ({tenderRefundsText(t, sale.refundsByTender)})</span> : null}
      </p>
      {refusal ? (
        <div className="alert alert-warning" data-testid="return-refused-here">
          {refusal}
        </div>
      ) : (
        <>
          {notes.soldAt ? <p className="small">{t('returns.soldElsewhere', { register: notes.soldAt, here: notes.here })}</p> : null}
          {notes.drawerOpen ? null : (
            <div className="alert alert-warning small" data-testid="drawer-closed">
              {t('returns.drawerClosed', { here: notes.here })} <Link to={notes.posPath}>{t('returns.openDrawer')}</Link>
            </div>
          )}
        </>
      )}
      {refusal ? null : nothingLeft ? (
        <div className="alert alert-info">{t('returns.nothingLeft')}</div>
      ) : (
        <Form method="post" action={formAction} ref={formRef} noValidate onSubmit={validate}>
          <CsrfField />
          <input type="hidden" name="vente_id" value={sale.id} />
          <input type="hidden" name="cle" value={idempotencyKey} />
          <FormError error={returnResult?.error} />
          <FormError error={fieldErrors?.lignes} />
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <TableHead
                columns={[
                  t('pos.cart.product'),
                  amountColumn(t('returns.sold')),
                  amountColumn(t('returns.alreadyReturned')),
                  t('returns.toReturn'),
                  t('returns.damagedColumn'),
                ]}
              />
              <tbody>
                {sale.lines.map((line) => {
                  const quantity = (name: string, label: string) => (
                    <ReturnQuantity
                      name={name}
                      max={line.remaining}
                      label={label}
                      posted={posted?.[name]}
                      error={fieldErrors?.[name]}
                      autoFocus={focused === name}
                    />
                  )
                  return (
                    <tr key={line.lineId}>
                      <td className="pos-product-name">
                        {line.name}
                        <div className="small text-body-secondary">
                          {line.code} · {formatMoney(line.unitPriceCents)}
                        </div>
                      </td>
                      <td className="amount">{line.sold}</td>
                      <td className="amount">{line.returned}</td>
                      <td>{quantity(`qte_${line.lineId}`, t('returns.quantityOf', { name: line.name, max: formatNumber(line.remaining) }))}</td>
                      <td>{quantity(`abime_${line.lineId}`, t('returns.damagedOf', { name: line.name }))}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          <p className="small text-body-secondary">{t('returns.damagedHelp')}</p>
          <Field
            formId="return"
            name="motif"
            label={t('returns.reason')}
            maxLength={500}
            required
            defaultValue={posted?.motif}
            error={fieldErrors?.motif}
            autoFocus={focused === 'motif'}
          />
          <RefundMethodSelect id="return-mode" value={posted?.mode_remboursement} />
          <button type="submit" name="intent" value="return" className="btn btn-primary" disabled={returning}>
            {returning ? t('returns.saving') : t('returns.submit')}
          </button>
        </Form>
      )}
      {!nothingLeft && !refusal ? (
        <Form
          method="post"
          action={formAction}
          className="border-top mt-4 pt-3"
          data-testid="cancel-sale"
          noValidate
          // …and the return's, once the cancel is sent: left there, they also took the focus from its answer.
          onSubmit={() => setLocalErrors(null)}
        >
          <h3 className="h6">{t('returns.cancelTitle')}</h3>
          <p className="small text-body-secondary">{t('returns.cancelHelp')}</p>
          <CsrfField />
          <input type="hidden" name="vente_id" value={sale.id} />
          <input type="hidden" name="cle" value={`${idempotencyKey}-annulation`} />
          <FormError error={cancelResult?.error ?? (cancelResult?.fieldErrors && !cancelUnconfirmed ? { key: 'form.invalid' } : undefined)} />
          <CheckField
            formId="cancel"
            name="confirmer"
            label={t('returns.cancelConfirm', { count: formatNumber(itemsLeft) })}
            error={cancelUnconfirmed}
            autoFocus={Boolean(cancelUnconfirmed)}
          />
          <RefundMethodSelect id="cancel-mode" value={cancelResult?.values?.mode_remboursement} />
          <button type="submit" name="intent" value="cancel" className="btn btn-outline-danger" disabled={cancelling}>
            {t('returns.cancelSubmit')}
          </button>
        </Form>
      ) : null}
    </TitledCard>
  )
}

/** `value`: the method chosen in a refused form (anything else falls back to the original payment). */
function RefundMethodSelect({ id, value }: { id: string; value?: string }) {
  const t = useT()
  const chosen = (REFUND_METHODS as readonly string[]).includes(value ?? '') ? value : 'original'
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {t('returns.refundMethod')}
      </label>
      <select id={id} name="mode_remboursement" className="form-select" defaultValue={chosen}>
        <option value="original">{t('returns.method.original')}</option>
        <option value="especes">{t('returns.method.especes')}</option>
        <option value="carte">{t('returns.method.carte')}</option>
      </select>
    </div>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}

/** A quantity of one sale line: to return, or of those, damaged. */
function ReturnQuantity({
  name,
  max,
  label,
  posted,
  error,
  autoFocus,
}: {
  name: string
  max: number
  label: string
  posted: string | undefined
  error: Message | undefined
  autoFocus: boolean
}) {
  const describe = useMessage()
  return (
    <>
      <input
        type="number"
        name={name}
        id={`return-${name}`}
        min={0}
        max={max}
        // Empty (0 when sent): a 0 there made a typed 1 into "10" or "01" (the caret before or after it).
        defaultValue={posted ?? ''}
        placeholder="0"
        disabled={max === 0}
        className={`form-control form-control-sm pos-qty${error ? ' is-invalid' : ''}`}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `return-${name}-error` : undefined}
        autoFocus={autoFocus}
        inputMode="numeric"
      />
      {error ? (
        <div id={`return-${name}-error`} className="invalid-feedback d-block">
          {describe(error)}
        </div>
      ) : null}
    </>
  )
}

/** A return's lines by sale line: a line sent twice (whole, then damaged) is one item with its damaged count. */
function returnedItems(lines: { ligne_id: number; nom: string; quantite: number; remis_en_stock: boolean }[]) {
  const items = new Map<number, { lineId: number; name: string; quantity: number; damaged: number }>()
  for (const line of lines) {
    const item = items.get(line.ligne_id) ?? { lineId: line.ligne_id, name: line.nom, quantity: 0, damaged: 0 }
    item.quantity += line.quantite
    if (!line.remis_en_stock) item.damaged += line.quantite
    items.set(line.ligne_id, item)
  }
  return [...items.values()]
}
