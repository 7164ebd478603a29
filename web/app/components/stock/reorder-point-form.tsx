import { InlineNumberForm } from '~/components/list/inline-number-form'
import type { FormRefusal } from '~/lib/forms/refusals'
import { MAX_LEVEL } from '~/lib/forms/warehouse'
import { useT } from '~/lib/root-data'
import { REORDER_POINT_INTENT } from '~/lib/stock'

/** A row's reorder point as a one-field form (warehouse page, a store's stock page); a refusal of this row shows under it. */
export function ReorderPointForm({
  action,
  item,
  refusal,
  disabled,
}: {
  action: string
  item: { productId: number; name: string; reorderPoint: number }
  refusal: FormRefusal | undefined
  disabled: boolean
}) {
  const t = useT()
  const mine = refusal?.values?.produit_id === String(item.productId) ? refusal : undefined
  return (
    <InlineNumberForm
      action={action}
      intent={REORDER_POINT_INTENT}
      fields={{ produit_id: item.productId }}
      inputId={`seuil-${item.productId}`}
      name="seuil_reappro"
      label={t('warehouse.reorderPointOf', { name: item.name })}
      min={0}
      max={MAX_LEVEL}
      defaultValue={mine?.values?.seuil_reappro ?? item.reorderPoint}
      error={mine?.fieldErrors?.seuil_reappro ?? mine?.error}
      submitLabel={t('warehouse.savePoint')}
      submitClassName="btn-outline-secondary"
      disabled={disabled}
    />
  )
}
