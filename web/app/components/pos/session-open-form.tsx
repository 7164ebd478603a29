import type { FormEvent } from 'react'

import { Field, FormError } from '~/components/form-field'
import type { FieldErrors } from '~/lib/forms/schemas'
import type { Message } from '~/lib/i18n/index'
import { useT } from '~/lib/root-data'

import { PosForm } from './pos-form'

interface SessionOpenFormProps {
  action: string
  pending: boolean
  error?: Message
  fieldErrors?: FieldErrors
  values?: Record<string, string>
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
}

/** The register is closed: count the float into the drawer and open it. */
export function SessionOpenForm({ action, pending, error, fieldErrors, values, onSubmit }: SessionOpenFormProps) {
  const t = useT()
  return (
    <section aria-labelledby="open-heading" className="card border-warning shadow-sm mb-3">
      <PosForm action={action} onSubmit={onSubmit} intent="open" className="card-body" noValidate>
        <h2 id="open-heading" className="h5">
          {t('session.closedTitle')}
        </h2>
        <p className="text-body-secondary">{t('session.closedHelp')}</p>
        <FormError error={error} />
        <div className="d-flex flex-wrap align-items-end gap-2">
          <Field
            formId="open"
            name="fond_de_caisse"
            label={t('session.float')}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0,00"
            defaultValue={values?.fond_de_caisse}
            error={fieldErrors?.fond_de_caisse}
            required
            autoFocus
            className="mb-0"
          />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('session.opening') : t('session.open')}
          </button>
        </div>
      </PosForm>
    </section>
  )
}
