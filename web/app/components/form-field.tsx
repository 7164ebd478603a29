import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react'

import type { Message } from '~/lib/i18n/index'
import { useMessage } from '~/lib/root-data'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  /** The form's id: field ids are `${formId}-${name}` so two forms on a page never collide. */
  formId: string
  name: string
  label: ReactNode
  error?: Message
  help?: ReactNode
  className?: string
  inputClassName?: string
}

/** A labelled input with its error and help text wired for screen readers. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { formId, name, label, error, help, className, inputClassName, ...input },
  ref
) {
  const describe = useMessage()
  const id = `${formId}-${name}`
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        name={name}
        className={`form-control${error ? ' is-invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback">
          {describe(error)}
        </div>
      ) : null}
      {help ? (
        <div id={`${id}-help`} className="form-text">
          {help}
        </div>
      ) : null}
    </div>
  )
})

/** A form-level error (API refusal, "nothing selected"): announced, and focusable. */
export function FormError({ error, id }: { error?: Message | null; id?: string }) {
  const describe = useMessage()
  if (!error) return null
  return (
    <div id={id} className="alert alert-danger py-2" role="alert" tabIndex={-1}>
      {describe(error)}
    </div>
  )
}
