import { useEffect, useRef } from 'react'

import { Field } from '~/components/form-field'
import type { FieldErrors } from '~/lib/forms/core'
import { OVERRIDE_ASKED, OVERRIDE_PASSWORD, OVERRIDE_USERNAME } from '~/lib/pos/manager-override'
import { useT } from '~/lib/root-data'

/** A manager's identifier and password, in a clerk's form for what only a manager may do there. */
export function ManagerOverrideFields({
  formId,
  username,
  errors,
  focused,
  refusal,
}: {
  formId: string
  /** The identifier typed before a refusal (the password is never sent back). */
  username: string | undefined
  errors: FieldErrors | undefined
  /** The form's first field in error: without JavaScript, `autoFocus` puts the focus there. */
  focused: string | null
  /**
   * The form's latest refusal, a new object each time: the browser's own checks, or the server's
   * answer — a field's error, or the API refusing the return once the manager was signed in.
   */
  refusal: object | null | undefined
}) {
  const t = useT()
  const password = useRef<HTMLInputElement>(null)
  // Any refusal of the form asks for the password again, with JavaScript as without (the page then
  // comes back without it): it does not stay typed in the clerk's form once the manager has left —
  // a refused refund method or a drawer short of cash too, not only a wrong password.
  useEffect(() => {
    if (refusal && password.current) password.current.value = ''
  }, [refusal])
  return (
    <fieldset className="border rounded p-3 mb-3" data-testid={`${formId}-override`}>
      <legend className="h6 float-none w-auto px-1 mb-1">{t('override.legend')}</legend>
      <p className="small text-body-secondary">{t('override.help')}</p>
      <input type="hidden" name={OVERRIDE_ASKED} value="gerant" />
      <div className="row g-2">
        <div className="col-sm-6">
          <Field
            formId={formId}
            name={OVERRIDE_USERNAME}
            label={t('override.username')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={username}
            error={errors?.[OVERRIDE_USERNAME]}
            autoFocus={focused === OVERRIDE_USERNAME}
            className="mb-0"
          />
        </div>
        <div className="col-sm-6">
          {/* Not the clerk's to keep: the browser should neither fill in nor remember it on this register. */}
          <Field
            ref={password}
            formId={formId}
            name={OVERRIDE_PASSWORD}
            type="password"
            label={t('override.password')}
            autoComplete="off"
            required
            error={errors?.[OVERRIDE_PASSWORD]}
            autoFocus={focused === OVERRIDE_PASSWORD}
            className="mb-0"
          />
        </div>
      </div>
    </fieldset>
  )
}
