import { Form, Link } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CsrfField } from '~/components/csrf-field'
import { FormError } from '~/components/form-field'
import { formatNumber } from '~/lib/format'
import { useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import { useT } from '~/lib/root-data'
import type { MessageKey } from '~/lib/i18n/index'
import { useIsPending } from '~/lib/pending'
import { SEEN_QUANTITY_FIELD, replenishmentPath, type ReplenishmentAction, type ReplenishmentRefusal } from '~/lib/warehouse'

const BUTTONS: Record<Exclude<ReplenishmentAction, 'reject' | 'cancel'>, { label: MessageKey; className: string }> = {
  approve: { label: 'replenishments.action.approve', className: 'btn-success' },
  ship: { label: 'replenishments.action.ship', className: 'btn-primary' },
  receive: { label: 'replenishments.action.receive', className: 'btn-success' },
}

/**
 * One POST form per transition the request allows (and the user may do).
 * Refusing needs a reason: from a list it links to the request's page,
 * where the reason is asked. Approving sends the quantity on screen: the
 * store may have changed it since the page was drawn, and the API then
 * refuses rather than reserve a quantity the manager never read. Beside a
 * quantity field (`quantityFormId`), Approve posts that field's form, so a
 * quantity typed but not saved is refused by the server, with or without
 * JavaScript, instead of approving the saved one unseen.
 */
export function ReplenishmentActions({
  id,
  quantity,
  actions,
  formAction,
  quantityFormId,
  withReject = false,
}: {
  id: number
  quantity: number
  actions: readonly ReplenishmentAction[]
  formAction: string
  /** The request's quantity form on the page, if any: Approve is its second button. */
  quantityFormId?: string
  /** false in lists: refusing asks for a reason on the request's page. */
  withReject?: boolean
}) {
  const t = useT()
  const pending = useIsPending({ formAction })
  const submitProps = (action: keyof typeof BUTTONS) => ({
    type: 'submit' as const,
    className: `btn btn-sm ${BUTTONS[action].className}`,
    disabled: pending,
    'aria-label': t('replenishments.actionOn', { action: t(BUTTONS[action].label), id }),
    children: t(BUTTONS[action].label),
  })
  return (
    // Wrapping in a list too: on a tablet the buttons go under each other instead of out of the table.
    <div className={`d-flex flex-wrap gap-1 ${withReject ? '' : 'justify-content-end'}`}>
      {actions.map((action) =>
        action === 'cancel' ? (
          // Beside « Valider », a bare « Annuler » read as "never mind": it closes the request, so it asks first.
          <ConfirmAction
            key={action}
            action={formAction}
            intent="cancel"
            fields={{ demande_id: id }}
            label={t('replenishments.action.cancelRequest')}
            accessibleName={t('replenishments.cancelOf', { id })}
            question={t('replenishments.cancelQuestion', { id, quantity: formatNumber(quantity) })}
            confirmLabel={t('replenishments.cancelConfirm')}
          />
        ) : action === 'reject' ? (
          withReject ? null : (
            <Link key={action} className="btn btn-sm btn-outline-danger" to={`${replenishmentPath(id)}#refus`}>
              {t('replenishments.action.rejectWithReason')}
            </Link>
          )
        ) : action === 'approve' && quantityFormId ? (
          // Posts the quantity form with its own intent (the quantity field's form, in another cell).
          <button key={action} {...submitProps(action)} form={quantityFormId} formAction={formAction} name="intent" value={action} />
        ) : (
          <Form key={action} method="post" action={formAction}>
            <CsrfField />
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="demande_id" value={id} />
            {action === 'approve' ? <input type="hidden" name={SEEN_QUANTITY_FIELD} value={quantity} /> : null}
            <button {...submitProps(action)} />
          </Form>
        )
      )}
    </div>
  )
}

/**
 * A refused transition (409 "already approved", short stock…), shown above the
 * list or the request; it takes the focus, since the button pressed may be gone
 * (the page reloads the request as it is now).
 */
export function TransitionError({ refusal }: { refusal: ReplenishmentRefusal | undefined }) {
  const shown = refusal?.error && refusal.intent !== 'create' ? refusal : undefined
  useFocusOnRefusal(shown)
  return <FormError error={shown?.error} tone="warning" testId="transition-error" />
}
