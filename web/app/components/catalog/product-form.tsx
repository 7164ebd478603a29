import { Form } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { CheckField, SelectField, TextAreaField } from '~/components/form-controls'
import { FREE_FIELD, MAX_OPENING_STOCK, PRODUCT_FORM_ORDER, parseProduct } from '~/lib/forms/catalog'
import { parseMoneyInput } from '~/lib/money'
import { BASELINE_FIELD, baselineOf } from '~/lib/forms/edit-merge'
import { bindFields, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'

/**
 * The product form, for creating (code optional, opening stock) and editing (code required).
 * A creation carries the Idempotency-Key rendered with it (`formKey`): posted twice, it makes one product.
 */
export function ProductForm({
  creating,
  action,
  categories,
  values,
  refusal,
  formKey,
}: {
  creating: boolean
  action: string
  categories: { id: number; name: string }[]
  values: Record<string, string>
  refusal: FormRefusal | undefined
  formKey?: string
}) {
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm((input) => parseProduct(input, { creating }), refusal)
  const pending = useIsPending({ formAction: action, intent: 'save' })
  const shown = refusal?.values ?? values
  const formId = creating ? 'new-product' : 'product'
  const field = bindFields(formId, fieldErrors, PRODUCT_FORM_ORDER)
  // The confirmation of a free product: asked once 0.00 was refused, ticked for a product already free.
  const alreadyFree = !creating && parseMoneyInput(values.prix ?? '') === 0
  const askFree = alreadyFree || Boolean(fieldErrors[FREE_FIELD])

  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit} ref={formRef} className="card shadow-sm" aria-labelledby={`${formId}-title`}>
      <div className="card-body">
        <h2 id={`${formId}-title`} className="h5">
          {/* « Fiche du produit » both ways: on the new product's page, « Nouveau produit » repeated the page's title. */}
          {t('products.editTitle')}
        </h2>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        {formKey ? <input type="hidden" name="cle" value={formKey} /> : null}
        {creating ? null : <input type="hidden" name={BASELINE_FIELD} value={baselineOf(values, refusal)} />}
        <FormError error={formError} />
        <div className="row g-3">
          <div className="col-md-4">
            <Field
              {...field('code')}
              className="mb-0"
              label={creating ? t('products.codeOptional') : t('products.code')}
              help={creating ? t('products.codeHelp') : undefined}
              defaultValue={shown.code}
              maxLength={32}
              autoComplete="off"
              required={!creating}
            />
          </div>
          <div className="col-md-8">
            <Field {...field('nom')} className="mb-0" label={t('products.name')} defaultValue={shown.nom} maxLength={200} required />
          </div>
          <div className="col-md-4">
            <SelectField {...field('categorie_id')} className="mb-0" label={t('products.category')} defaultValue={shown.categorie_id ?? ''} required>
              <option value="">{t('products.chooseCategory')}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <Field
              {...field('prix')}
              className="mb-0"
              label={t('products.price')}
              help={t('products.priceHelp')}
              defaultValue={shown.prix}
              inputMode="decimal"
              autoComplete="off"
              placeholder="0,00"
              required
            />
            {askFree ? <CheckField {...field(FREE_FIELD)} className="mt-2 mb-0" label={t('products.zeroPriceConfirm')} defaultChecked={alreadyFree} /> : null}
          </div>
          <div className="col-md-4">
            <Field {...field('code_barre')} className="mb-0" label={t('products.barcode')} defaultValue={shown.code_barre} maxLength={32} autoComplete="off" />
          </div>
          {creating ? (
            <div className="col-md-4">
              <Field
                {...field('quantite_stock')}
                className="mb-0"
                label={t('products.openingStock')}
                help={t('products.openingStockHelp')}
                defaultValue={shown.quantite_stock}
                type="number"
                min={0}
                max={MAX_OPENING_STOCK}
                inputMode="numeric"
              />
            </div>
          ) : null}
          <div className="col-12">
            <TextAreaField {...field('description')} className="mb-0" label={t('products.description')} defaultValue={shown.description} maxLength={1000} rows={2} />
          </div>
        </div>
        <div className="d-flex gap-2 mt-3">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('products.saving') : creating ? t('products.create') : t('products.save')}
          </button>
        </div>
      </div>
    </Form>
  )
}
