import { useEffect, useState, type FormEvent } from 'react'
import { Form, Link } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CsrfField } from '~/components/csrf-field'
import { FormError } from '~/components/form-field'
import { quantityFieldId } from '~/components/warehouse/request-quantity-form'
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
 * refuses rather than reserve a quantity the manager never read.
 */
export function ReplenishmentActions({
  id,
  quantity,
  actions,
  formAction,
  withReject = false,
}: {
  id: number
  quantity: number
  actions: readonly ReplenishmentAction[]
  formAction: string
  /** false in lists: refusing asks for a reason on the request's page. */
  withReject?: boolean
}) {
  const t = useT()
  const pending = useIsPending({ formAction })
  const [unsaved, setUnsaved] = useState(false)
  // Saved (or changed by someone else): the page shows the quantity Approve will send.
  useEffect(() => setUnsaved(false), [quantity])
  /* Approve sends the saved quantity; a new one typed in the field but not saved (Modifier) would be
     approved as the old one. With JavaScript the edit is seen here: save it first. */
  const refuseUnsavedQuantity = (event: FormEvent<HTMLFormElement>) => {
    const field = document.getElementById(quantityFieldId(id))
    const edited = field instanceof HTMLInputElement && field.value !== field.defaultValue
    setUnsaved(edited)
    if (!edited) return
    event.preventDefault()
    field.focus()
  }
  return (
    // Wrapping in a list too: on a tablet the buttons go under each other instead of out of the table.
    <div className={`d-flex flex-wrap gap-1 ${withReject ? '' : 'justify-content-end'}`}>
      {unsaved ? (
        <p className="text-danger small w-100 mb-1" role="alert" data-testid={`unsaved-quantity-${id}`}>
          {t('replenishments.unsavedQuantity', { quantity: formatNumber(quantity) })}
        </p>
      ) : null}
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
        ) : (
          <Form key={action} method="post" action={formAction} onSubmit={action === 'approve' ? refuseUnsavedQuantity : undefined}>
            <CsrfField />
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="demande_id" value={id} />
            {action === 'approve' ? <input type="hidden" name={SEEN_QUANTITY_FIELD} value={quantity} /> : null}
            <button
              type="submit"
              className={`btn btn-sm ${BUTTONS[action].className}`}
              disabled={pending}
              aria-label={t('replenishments.actionOn', { action: t(BUTTONS[action].label), id })}
            >
              {t(BUTTONS[action].label)}
            </button>
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
