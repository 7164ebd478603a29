import { InlineNumberForm } from '~/components/list/inline-number-form'
import { MAX_MOVEMENT_QUANTITY } from '~/lib/forms/warehouse'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'
import { CHANGE_QUANTITY_INTENT, SEEN_QUANTITY_FIELD, type ReplenishmentRefusal } from '~/lib/warehouse'

const quantityFieldId = (requestId: number) => `quantite-demande-${requestId}`

/** The quantity form's id: the Approve button posts it, so the server sees a quantity typed but not saved. */
export const quantityFormId = (requestId: number) => `quantite-demande-${requestId}-form`

/**
 * A pending request's quantity as a one-field form on a list row: one request
 * in flight per product (ADR 0018), so a store that asked for too little
 * changes it here rather than asking again. A refusal on the field comes back
 * under it with what was typed; any other refusal (409: approved meanwhile)
 * shows above the list, since the row loses its form once reloaded. The
 * form also carries the quantity it was drawn with, which Approve sends.
 */
export function RequestQuantityForm({
  action,
  request,
  refusal,
}: {
  action: string
  request: { id: number; quantity: number; product: string }
  refusal: ReplenishmentRefusal | undefined
}) {
  const t = useT()
  const pending = useIsPending({ formAction: action, intent: CHANGE_QUANTITY_INTENT })
  const mine = refusal?.intent === CHANGE_QUANTITY_INTENT && refusal.requestId === request.id ? refusal : undefined
  return (
    <InlineNumberForm
      // A new quantity from the server (saved, or changed by the store) replaces whatever was typed in the field.
      key={request.quantity}
      action={action}
      intent={CHANGE_QUANTITY_INTENT}
      formId={quantityFormId(request.id)}
      fields={{ demande_id: request.id, [SEEN_QUANTITY_FIELD]: request.quantity }}
      inputId={quantityFieldId(request.id)}
      name="quantite"
      label={t('replenishments.quantityOfRequest', { id: request.id, name: request.product })}
      min={1}
      max={MAX_MOVEMENT_QUANTITY}
      defaultValue={mine?.values?.quantite ?? request.quantity}
      error={mine?.fieldErrors?.quantite}
      submitLabel={t('replenishments.changeQuantity')}
      submitName={t('replenishments.changeQuantityOf', { id: request.id })}
      submitClassName="btn-outline-secondary"
      disabled={pending}
    />
  )
}
