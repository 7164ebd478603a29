import { forwardRef, useState, type FormEvent } from 'react'

import { Field, FormError } from '~/components/form-field'
import { formatMoney, formatSignedMoney } from '~/lib/format'
import type { FieldErrors } from '~/lib/forms/schemas'
import type { Message } from '~/lib/i18n/index'
import { parseMoneyInput } from '~/lib/money'
import { exactCashCents, settle } from '~/lib/pos/taxes'
import { useT } from '~/lib/root-data'

import { PosForm } from './pos-form'

interface PaymentFormProps {
  action: string
  totalCents: number
  idempotencyKey: string
  /** The cart this form pays for, as shown (PosView cart.version). */
  cartVersion: string
  disabled: boolean
  paying: boolean
  /** F4 is advertised only where it works: with JavaScript. */
  shortcuts: boolean
  error?: Message
  fieldErrors?: FieldErrors
  values?: Record<string, string>
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
}

/**
 * Card, cash or both. The Idempotency-Key travels in a hidden field: posting
 * this form twice (double click, retry after a network error) records one
 * sale, and the second answer is the first sale's receipt. So does the cart
 * shown: a cart changed since (another tab) is refused, not charged.
 */
export const PaymentForm = forwardRef<HTMLInputElement, PaymentFormProps>(function PaymentForm(
  { action, totalCents, idempotencyKey, cartVersion, disabled, paying, shortcuts, error, fieldErrors, values, onSubmit },
  firstFieldRef
) {
  const t = useT()
  const [card, setCard] = useState(values?.carte ?? '')
  const [cash, setCash] = useState(values?.especes ?? '')
  const cardCents = parseMoneyInput(card) ?? 0
  const cashCents = parseMoneyInput(cash) ?? 0
  const outcome = settle(totalCents, { cardCents, cashCents })
  const typed = card !== '' || cash !== ''
  // A refusal speaks of the amounts it was given: once they are retyped, the live preview below says the rest.
  const retyped = card !== (values?.carte ?? '') || cash !== (values?.especes ?? '')
  const refusal = retyped ? undefined : error
  const refusedFields = retyped ? undefined : fieldErrors
  const cashTotalCents = exactCashCents(totalCents)
  // Both amounts are typed the same way: a decimal keypad, no browser suggestions.
  const amount = { formId: 'pay', inputMode: 'decimal', autoComplete: 'off', placeholder: '0,00', disabled, className: 'col-6 mb-2' } as const

  return (
    <section aria-labelledby="payment-heading" className="card shadow-sm">
      <PosForm action={action} onSubmit={onSubmit} fields={{ cle: idempotencyKey, panier: cartVersion }} className="card-body py-2" noValidate id="payment-form">
        <h2 id="payment-heading" className="h5 mb-2">
          {t('pay.title')} {shortcuts ? <kbd>F4</kbd> : null}
        </h2>
        <FormError error={refusal} />
        <FormError error={refusedFields?.cle} />
        <div className="row g-2">
          <Field
            {...amount}
            ref={firstFieldRef}
            name="carte"
            label={t('pay.card')}
            value={card}
            onChange={(event) => setCard(event.currentTarget.value)}
            error={refusedFields?.carte}
            autoFocus={Boolean(refusedFields?.carte)}
          />
          <Field
            {...amount}
            name="especes"
            label={t('pay.cash')}
            value={cash}
            onChange={(event) => setCash(event.currentTarget.value)}
            error={refusedFields?.especes}
            autoFocus={!refusedFields?.carte && Boolean(refusedFields?.especes)}
          />
        </div>
        <p className="mb-2" role="status" aria-live="polite" data-testid="change-preview">
          {typed && outcome.cardExceedsTotal ? (
            // Said while typing, not only once « Encaisser » is refused: change comes from the drawer, never a card.
            <span className="text-danger" data-testid="card-exceeds">
              {t('pay.cardExceedsTotal')}
            </span>
          ) : typed && outcome.missingCents > 0 ? (
            <span className="text-danger">{t('pay.remaining', { amount: formatMoney(outcome.missingCents) })}</span>
          ) : typed ? (
            <>
              {t('pay.change')} <span className="pos-change">{formatMoney(outcome.changeCents)}</span>
              {outcome.cashRoundingCents !== 0 ? (
                <span className="text-body-secondary" data-testid="cash-rounding">
                  {' '}
                  · {t('pay.cashRounding', { amount: formatSignedMoney(outcome.cashRoundingCents) })}
                </span>
              ) : null}
            </>
          ) : cashTotalCents !== totalCents ? (
            // Before anything is typed: what a customer paying cash hands over (no cent coins).
            <span className="text-body-secondary" data-testid="cash-total">
              {t('pay.cashTotal', { amount: formatMoney(cashTotalCents) })}
            </span>
          ) : null}
        </p>
        <div className="d-grid gap-2">
          <button type="submit" name="intent" value="pay" className="btn btn-success btn-lg" disabled={disabled || paying}>
            {paying ? t('pay.processing') : t('pay.submit', { amount: formatMoney(totalCents) })}
          </button>
          <div className="d-flex gap-2">
            <button type="submit" name="intent" value="pay-card" className="btn btn-outline-success flex-fill" disabled={disabled || paying}>
              {t('pay.allCard')}
            </button>
            <button type="submit" name="intent" value="pay-cash" className="btn btn-outline-success flex-fill" disabled={disabled || paying}>
              {cashTotalCents !== totalCents ? t('pay.exactCashAmount', { amount: formatMoney(cashTotalCents) }) : t('pay.exactCash')}
            </button>
          </div>
        </div>
      </PosForm>
    </section>
  )
})
