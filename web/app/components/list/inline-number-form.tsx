import { Form, Link } from '@remix-run/react'
import { useRef } from 'react'

import { CsrfField } from '~/components/csrf-field'
import { useFocusOnRefusal } from '~/lib/forms/focus-refusal'
import type { Message } from '~/lib/i18n/index'
import { useMessage } from '~/lib/root-data'

/**
 * One number typed on a list row and posted at once (a quantity to request,
 * a reorder point). The hidden fields say which row; a refusal shows under
 * the input, wired for screen readers, and takes the focus: `autoFocus` on a
 * page rendered anew (no JavaScript), the effect when the answer comes to a
 * page already there. The intent rides on the button, not in a hidden field,
 * so that another button of the row can post the same field under its own
 * intent (`formId`): Valider with the quantity typed beside it.
 */
export function InlineNumberForm({
  action,
  intent,
  formId,
  fields,
  inputId,
  name,
  label,
  min,
  max,
  defaultValue,
  placeholder,
  error,
  submitLabel,
  submitName,
  submitClassName,
  disabled,
  errorLink,
  replacedBy,
}: {
  action: string
  intent: string
  /** The form's id, for a button elsewhere in the row that posts this form (`form=`). */
  formId?: string
  fields: Record<string, string | number>
  inputId: string
  name: string
  /** The input's accessible name, with the row's product in it. */
  label: string
  min: number
  max: number
  defaultValue?: string | number
  placeholder?: string
  error?: Message
  submitLabel: string
  /** The button's accessible name when every row has the same label (« Modifier la demande n° 3 »). */
  submitName?: string
  /** The button's look: `btn btn-sm` plus this. */
  submitClassName: string
  disabled: boolean
  /** What the refusal names, to open it (the request already in flight). */
  errorLink?: { to: string; label: string }
  /** The id of what takes this form's place once it is answered (the request it made): the focus goes there. */
  replacedBy?: string
}) {
  const describe = useMessage()
  const errorId = `${inputId}-error`
  const formRef = useRef<HTMLFormElement>(null)
  useFocusOnRefusal(error, formRef)
  return (
    <>
      <Form id={formId} method="post" action={action} className="d-flex gap-1" noValidate ref={formRef} data-refocus={replacedBy}>
        <CsrfField />
        {Object.entries(fields).map(([field, value]) => (
          <input key={field} type="hidden" name={field} value={value} />
        ))}
        <input
          id={inputId}
          type="number"
          name={name}
          min={min}
          max={max}
          defaultValue={defaultValue}
          placeholder={placeholder}
          className={`form-control form-control-sm pos-qty${error ? ' is-invalid' : ''}`}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoFocus={Boolean(error)}
          inputMode="numeric"
        />
        {/* First submit button of the form in the page's order: the one Enter in the field presses. */}
        <button type="submit" name="intent" value={intent} className={`btn btn-sm ${submitClassName}`} disabled={disabled} aria-label={submitName}>
          {submitLabel}
        </button>
      </Form>
      {error ? (
        <div id={errorId} className="invalid-feedback d-block">
          {describe(error)}
          {errorLink ? (
            <>
              {' '}
              <Link to={errorLink.to}>{errorLink.label}</Link>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
