import { Form, Link } from '@remix-run/react'
import { useRef, useState, type FormEvent } from 'react'

import { CsrfField } from '~/components/csrf-field'
import { CheckField } from '~/components/form-controls'
import { ManagerOverrideFields } from '~/components/pos/manager-override-fields'
import { Field, FormError } from '~/components/form-field'
import { amountColumn, TableHead } from '~/components/table-head'
import { TitledCard } from '~/components/titled-card'
import { formatDate, formatMoney, formatNumber } from '~/lib/format'
import { focusFirstRefusal, useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { firstFieldInError } from '~/lib/forms/refusals'
import { parseReturn, REFUND_METHODS, type FieldErrors } from '~/lib/forms/schemas'
import type { Message } from '~/lib/i18n/index'
import { useIsPending } from '~/lib/pending'
import { OVERRIDE_PASSWORD, OVERRIDE_USERNAME, overrideFrom } from '~/lib/pos/manager-override'
import { tenderRefundsText } from '~/lib/pos/refund-tenders'
import type { ReturnActionResult, SaleForReturn } from '~/lib/returns.server'
import { useMessage, useT } from '~/lib/root-data'

const OVERRIDE_FIELDS = [OVERRIDE_USERNAME, OVERRIDE_PASSWORD]

// The returns page's forms for one sale: the lines to take back (quantity, damaged), the reason
// and refund method, and the cancellation of everything left; what the clerk must know first.

export function SaleReturnForms({
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
    firstFieldInError(fieldErrors, [...sale.lines.flatMap((line) => [`qte_${line.lineId}`, `abime_${line.lineId}`]), 'motif', ...OVERRIDE_FIELDS]) ??
    (!result && !justReturned && firstReturnable ? `qte_${firstReturnable.lineId}` : null)
  // Posting to the URL that shows this sale: without JavaScript, an error re-renders the same page.
  const formAction = `${path}?vente=${sale.id}${day ? `&jour=${day}` : ''}`
  // Nobody takes it back at a register out of service; a clerk past their period, with a manager's authorisation.
  const refusal = notes.active ? null : t('returns.registerInactive', { here: notes.here })
  const deadline = sale.clerkDeadlinePassed
  const cancelErrors = cancelResult?.fieldErrors
  const returning = useIsPending({ formAction, intent: 'return' })
  const cancelling = useIsPending({ formAction, intent: 'cancel' })
  const nothingLeft = sale.lines.every((line) => line.remaining === 0)
  const itemsLeft = sale.lines.reduce((sum, line) => sum + line.remaining, 0)
  const cancelUnconfirmed = cancelResult?.fieldErrors?.confirmer
  // The confirmation first, then the manager's authorisation: the cancel form's order.
  const cancelFocused = firstFieldInError(cancelErrors, ['confirmer', ...OVERRIDE_FIELDS])

  useFocusOnRefusal(result)

  const validate = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget)
    const parsed = parseReturn(form, sale.lines)
    const override = overrideFrom(form)
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(override.kind === 'incomplete' ? override.errors : {}) }
    const refused = Object.keys(errors).length > 0
    setLocalErrors(refused ? errors : null)
    if (refused) {
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
          {deadline ? (
            <div className="alert alert-warning small" data-testid="return-window-passed">
              {t('receipt.returnWindowPassed', { date: formatDate(deadline, { withTime: true }) })}
            </div>
          ) : null}
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
          {deadline ? (
            <ManagerOverrideFields
              formId="return"
              username={posted?.[OVERRIDE_USERNAME]}
              errors={fieldErrors}
              focused={focused}
              refusal={localErrors ?? returnResult}
            />
          ) : null}
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
          <FormError error={cancelResult?.error ?? (cancelErrors && !cancelUnconfirmed ? { key: 'form.invalid' } : undefined)} />
          <CheckField
            formId="cancel"
            name="confirmer"
            label={t('returns.cancelConfirm', { count: formatNumber(itemsLeft) })}
            error={cancelUnconfirmed}
            autoFocus={Boolean(cancelUnconfirmed)}
          />
          <RefundMethodSelect id="cancel-mode" value={cancelResult?.values?.mode_remboursement} />
          {deadline ? (
            <ManagerOverrideFields
              formId="cancel"
              username={cancelResult?.values?.[OVERRIDE_USERNAME]}
              errors={cancelErrors}
              focused={cancelFocused}
              refusal={cancelResult}
            />
          ) : null}
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
