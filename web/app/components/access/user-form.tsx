import { Form, Link } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { Field, FormError } from '~/components/form-field'
import { SelectField } from '~/components/form-controls'
import { ROLES } from '~/lib/auth/roles'
import { formatNumber } from '~/lib/format'
import { PASSWORD_MIN_LENGTH, USER_FIELDS, parseUser } from '~/lib/forms/access'
import { BASELINE_FIELD, baselineOf } from '~/lib/forms/edit-merge'
import { bindFields, type FormRefusal } from '~/lib/forms/refusals'
import { useValidatedForm } from '~/lib/forms/use-validated-form'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'

/**
 * A user's profile, role and store, and a password (required on creation, a reset on an edit).
 * On one's own account the password is not here: /compte asks for the current one.
 */
export function UserForm({
  creating,
  ownAccount = false,
  action,
  stores,
  values,
  refusal,
  formKey,
}: {
  creating: boolean
  ownAccount?: boolean
  action: string
  stores: { id: number; name: string }[]
  values: Record<string, string>
  refusal: FormRefusal | undefined
  /** A creation's Idempotency-Key, rendered with the form: posted twice, it makes one account. */
  formKey?: string
}) {
  const t = useT()
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm((input) => parseUser(input, { creating }), refusal)
  const pending = useIsPending({ formAction: action, intent: 'save' })
  const shown = refusal?.values ?? values
  const formId = creating ? 'new-user' : 'user'
  const field = bindFields(formId, fieldErrors, USER_FIELDS)

  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit} ref={formRef} className="card shadow-sm" aria-labelledby={`${formId}-title`}>
      <div className="card-body">
        <h2 id={`${formId}-title`} className="h5">
          {creating ? t('users.newTitle') : t('users.editTitle')}
        </h2>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        {formKey ? <input type="hidden" name="cle" value={formKey} /> : null}
        {creating ? null : <input type="hidden" name={BASELINE_FIELD} value={baselineOf(values, refusal)} />}
        <FormError error={formError} />
        <div className="row g-3">
          <div className="col-md-6">
            <Field
              {...field('nom_utilisateur')}
              className="mb-0"
              label={t('users.username')}
              help={t('users.usernameHelp')}
              defaultValue={shown.nom_utilisateur}
              maxLength={60}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
          </div>
          <div className="col-md-6">
            <Field {...field('nom_complet')} className="mb-0" label={t('users.fullName')} defaultValue={shown.nom_complet} maxLength={120} autoComplete="off" required />
          </div>
          <div className="col-md-6">
            <Field {...field('email')} className="mb-0" label={t('users.email')} type="email" defaultValue={shown.email} maxLength={254} autoComplete="off" required />
          </div>
          {/* Half the form each, not a quarter: at 1280 px a quarter cut the store to « Magasin Centr ». */}
          <div className="col-md-6">
            {/* One's own role: the API refuses an administrator who would drop their own rights, so the field is not offered.
                A disabled select is not posted: the hidden field keeps the role in the form (the browser's check reads it too). */}
            <SelectField
              {...field('role')}
              className="mb-0"
              label={t('users.role')}
              defaultValue={shown.role ?? 'clerk'}
              required
              disabled={ownAccount && !creating}
              help={ownAccount && !creating ? t('users.ownRole') : undefined}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </SelectField>
            {ownAccount && !creating ? <input type="hidden" name="role" value={shown.role ?? ''} /> : null}
          </div>
          <div className="col-md-6">
            <SelectField {...field('magasin_id')} className="mb-0" label={t('users.store')} help={t('users.storeHelp')} defaultValue={shown.magasin_id ?? ''}>
              <option value="">{t('users.noStore')}</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </SelectField>
          </div>
          {ownAccount && !creating ? (
            <p className="col-md-6 small text-body-secondary align-self-end mb-0" data-testid="own-password">
              {t('users.ownPassword')} <Link to="/compte">{t('users.ownPasswordLink')}</Link> {t('users.ownPasswordWhy')}
            </p>
          ) : (
            <div className="col-md-6">
              <Field
                {...field('mot_de_passe')}
                className="mb-0"
                label={creating ? t('users.password') : t('users.newPassword')}
                help={creating ? t('users.passwordHelp', { min: formatNumber(PASSWORD_MIN_LENGTH) }) : t('users.newPasswordHelp', { min: formatNumber(PASSWORD_MIN_LENGTH) })}
                type="password"
                autoComplete="new-password"
                maxLength={128}
                required={creating}
              />
            </div>
          )}
        </div>
        <button type="submit" className="btn btn-primary mt-3" disabled={pending}>
          {pending ? t('products.saving') : creating ? t('users.create') : t('products.save')}
        </button>
      </div>
    </Form>
  )
}
