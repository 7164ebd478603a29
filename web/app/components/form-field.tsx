import { Link } from '@remix-run/react'
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react'

import type { Message } from '~/lib/i18n/index'
import { useMessage } from '~/lib/root-data'

/** What every labelled control takes (Field here; SelectField, TextAreaField, CheckGroup in form-controls.tsx). */
export interface FieldWiring {
  /** The form's id: field ids are `${formId}-${name}` so two forms on a page never collide. */
  formId: string
  name: string
  label: ReactNode
  error?: Message
  help?: ReactNode
  className?: string
}

/** The ids of the error and help texts, for aria-describedby. */
export function describedBy(id: string, error?: Message, help?: ReactNode): string | undefined {
  return [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
}

/**
 * Splits a field's props three ways: what frames the control (label,
 * messages), the attributes that tie the control to them and mark it invalid,
 * and the control's own attributes.
 */
export function wireField<Control extends object>({ formId, name, label, error, help, className, ...control }: FieldWiring & Control) {
  const id = `${formId}-${name}`
  const wiring = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, help) }
  return { frame: { id, label, error, help, className }, wiring, error, control }
}

export function controlClass(base: string, error?: Message, extra?: string): string {
  return `${base}${error ? ' is-invalid' : ''}${extra ? ` ${extra}` : ''}`
}

/** The error and help texts under a control, with the ids controlWiring points to. */
export function FieldMessages({ id, error, help }: { id: string; error?: Message; help?: ReactNode }) {
  const describe = useMessage()
  return (
    <>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error.to ? <Link to={error.to}>{describe(error)}</Link> : describe(error)}
        </div>
      ) : null}
      {help ? (
        <div id={`${id}-help`} className="form-text">
          {help}
        </div>
      ) : null}
    </>
  )
}

/** One control with its label above and its messages below. */
export function FieldFrame({
  id,
  label,
  error,
  help,
  className,
  children,
}: { id: string; label: ReactNode; error?: Message; help?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {children}
      <FieldMessages id={id} error={error} help={help} />
    </div>
  )
}

interface FieldProps extends FieldWiring, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'> {
  inputClassName?: string
}

/** A labelled input with its error and help text wired for screen readers. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ inputClassName, ...props }, ref) {
  const { frame, wiring, error, control } = wireField(props)
  return (
    <FieldFrame {...frame}>
      <input ref={ref} className={controlClass('form-control', error, inputClassName)} {...wiring} {...control} />
    </FieldFrame>
  )
})

/**
 * A form-level refusal (an API refusal, "nothing selected"): announced, and
 * focusable. It is rendered only when there is a refusal, so it also carries
 * `autoFocus`: without JavaScript the refused post answers with the page
 * itself, and the browser opens it on the message (HTML autofocus works on any
 * focusable element, tabindex="-1" included; the first in the page wins); a
 * page loaded normally has no message, and its own autofocus stands. With
 * JavaScript the answer reaches a page already rendered, where autofocus does
 * nothing: `useFocusOnRefusal` (lib/forms/focus-refusal.ts) moves the focus.
 * `autoFocus={false}` where the focus belongs elsewhere (the POS's scan field).
 */
export function FormError({
  error,
  id,
  tone = 'danger',
  testId,
  link,
  autoFocus = true,
}: {
  error?: Message | null
  id?: string
  /** `warning` for "nothing was done, here is why" (a request that changed state meanwhile). */
  tone?: 'danger' | 'warning'
  testId?: string
  /** The way out the message speaks of ("Voir ses produits"). */
  link?: { to: string; label: string }
  autoFocus?: boolean
}) {
  const describe = useMessage()
  if (!error) return null
  return (
    <div id={id} className={`alert alert-${tone} py-2`} role="alert" tabIndex={-1} autoFocus={autoFocus} data-testid={testId}>
      {describe(error)}
      {link ? (
        <>
          {' '}
          <Link to={link.to} className="alert-link">
            {link.label}
          </Link>
        </>
      ) : null}
    </div>
  )
}
