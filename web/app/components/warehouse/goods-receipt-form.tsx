import { Form } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { bindFields, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { MAX_MOVEMENT_QUANTITY, RECEIPT_FIELDS, parseGoodsReceipt } from '~/lib/forms/warehouse'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'

/**
 * Goods in at the central warehouse: a product (by code), a quantity, and
 * where it comes from (supplier, delivery slip). The ledger keeps who and when.
 */
export function GoodsReceiptForm({
  action,
  refusal,
  product,
  code,
  formKey,
}: {
  action: string
  /** The Idempotency-Key of this rendering of the form: a double submit receives the goods once. */
  formKey: string
  refusal: FormRefusal | undefined
  /** The product chosen from a row's "Réceptionner" link, when it exists. */
  product: { code: string; name: string } | null
  code: string
}) {
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm(parseGoodsReceipt, refusal)
  const values = refusal?.values ?? {}
  const pending = useIsPending({ formAction: action, intent: 'receipt' })
  // With nothing in error, the focus goes where the clerk types next: a chosen product's quantity, or a code from the URL.
  const field = bindFields('receipt', fieldErrors, RECEIPT_FIELDS, product ? 'quantite' : code !== '' ? 'code' : null)
  return (
    <Form method="post" action={action} ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" className="h5">
        {t('warehouse.receiptTitle')}
      </h2>
      <p className="small text-body-secondary">
        {product ? t('warehouse.receiptFor', { name: product.name, code: product.code }) : t('warehouse.receiptHelp')}
      </p>
      <CsrfField />
      <input type="hidden" name="intent" value="receipt" />
      <input type="hidden" name="cle" value={formKey} />
      <FormError error={formError} />
      <div className="row g-2">
        <Field
          {...field('code')}
          label={t('movements.productCode')}
          className="col-sm-6 col-lg-3 mb-2"
          defaultValue={values.code ?? (product?.code || code)}
          maxLength={32}
          required
        />
        <Field
          {...field('quantite')}
          label={t('warehouse.receiptQuantity')}
          className="col-sm-6 col-lg-2 mb-2"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MOVEMENT_QUANTITY}
          defaultValue={values.quantite}
          required
        />
        <Field {...field('fournisseur')} label={t('warehouse.supplier')} className="col-sm-6 col-lg-4 mb-2" defaultValue={values.fournisseur} maxLength={150} />
        <Field {...field('reference')} label={t('warehouse.deliveryReference')} className="col-sm-6 col-lg-3 mb-2" defaultValue={values.reference} maxLength={100} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('warehouse.receiving') : t('warehouse.receiptSubmit')}
      </button>
    </Form>
  )
}
