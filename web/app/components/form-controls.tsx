import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'

import type { Message } from '~/lib/i18n/index'
import { useMessage } from '~/lib/root-data'

// Companions of <Field> (form-field.tsx) for selects, text areas and groups of
// check boxes: same ids (`${formId}-${name}`), same error and help wiring.

interface Wiring {
  formId: string
  name: string
  label: ReactNode
  error?: Message
  help?: ReactNode
  className?: string
}

function describedBy(id: string, error?: Message, help?: ReactNode): string | undefined {
  return [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
}

function Feedback({ id, error, help }: { id: string; error?: Message; help?: ReactNode }) {
  const describe = useMessage()
  return (
    <>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {describe(error)}
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

export function SelectField({
  formId,
  name,
  label,
  error,
  help,
  className,
  children,
  ...select
}: Wiring & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>) {
  const id = `${formId}-${name}`
  return (
    <div className={className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        {...select}
      >
        {children}
      </select>
      <Feedback id={id} error={error} help={help} />
    </div>
  )
}

export function TextAreaField({
  formId,
  name,
  label,
  error,
  help,
  className,
  ...area
}: Wiring & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>) {
  const id = `${formId}-${name}`
  return (
    <div className={className ?? 'mb-3'}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        {...area}
      />
      <Feedback id={id} error={error} help={help} />
    </div>
  )
}

/** Several check boxes sharing one name (FormData.getAll), in a fieldset with a legend. */
export function CheckGroup({
  formId,
  name,
  label,
  error,
  help,
  className,
  options,
  checked,
  autoFocus,
}: Wiring & { options: { value: string; label: ReactNode }[]; checked: readonly string[]; autoFocus?: boolean }) {
  const id = `${formId}-${name}`
  return (
    <fieldset className={className ?? 'mb-3'} aria-describedby={describedBy(id, error, help)}>
      <legend className="form-label fs-6">{label}</legend>
      {options.map((option, index) => (
        <div className="form-check form-check-inline" key={option.value}>
          <input
            className={`form-check-input${error ? ' is-invalid' : ''}`}
            type="checkbox"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={checked.includes(option.value)}
            aria-invalid={error ? true : undefined}
            autoFocus={autoFocus && index === 0}
          />
          <label className="form-check-label" htmlFor={`${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
      <Feedback id={id} error={error} help={help} />
    </fieldset>
  )
}
