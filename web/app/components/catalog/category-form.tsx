import { Form } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { CATEGORY_FIELDS, parseCategory } from '~/lib/forms/catalog'
import { bindFields, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'
import { BASELINE_FIELD, baselineOf } from '~/lib/forms/edit-merge'

/** Name and description of a category, to create one (list page) or edit it. */
export function CategoryForm({
  formId,
  title,
  submitLabel,
  action,
  values,
  refusal,
  formKey,
  editing = false,
}: {
  formId: string
  title: string
  submitLabel: string
  action: string
  values: Record<string, string>
  refusal: FormRefusal | undefined
  /** A creation's Idempotency-Key, rendered with the form: posted twice, it makes one category. */
  formKey?: string
  /** An edit: the form carries the values it was drawn with (lib/forms/edit-merge.ts). */
  editing?: boolean
}) {
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm(parseCategory, refusal)
  const pending = useIsPending({ formAction: action, intent: 'save' })
  const field = bindFields(formId, fieldErrors, CATEGORY_FIELDS)
  const shown = refusal?.values ?? values
  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit} ref={formRef} className="card shadow-sm" aria-labelledby={`${formId}-title`}>
      <div className="card-body">
        <h2 id={`${formId}-title`} className="h5">
          {title}
        </h2>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        {formKey ? <input type="hidden" name="cle" value={formKey} /> : null}
        {editing ? <input type="hidden" name={BASELINE_FIELD} value={baselineOf(values, refusal)} /> : null}
        <FormError error={formError} />
        <Field {...field('nom')} label={t('categories.name')} defaultValue={shown.nom} maxLength={100} required />
        <Field {...field('description')} label={t('categories.description')} defaultValue={shown.description} maxLength={500} />
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </Form>
  )
}
