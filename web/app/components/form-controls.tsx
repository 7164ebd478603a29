import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'

import { controlClass, describedBy, FieldFrame, FieldMessages, wireField, type FieldWiring } from '~/components/form-field'
import { CHECKED_VALUE } from '~/lib/forms/core'

// Companions of <Field> (form-field.tsx) for selects, text areas and groups of
// check boxes: same ids (`${formId}-${name}`), same error and help wiring.

export function SelectField({ children, ...props }: FieldWiring & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className'>) {
  const { frame, wiring, error, control } = wireField(props)
  return (
    <FieldFrame {...frame}>
      <select className={controlClass('form-select', error)} {...wiring} {...control}>
        {children}
      </select>
    </FieldFrame>
  )
}

export function TextAreaField(props: FieldWiring & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className'>) {
  const { frame, wiring, error, control } = wireField(props)
  return (
    <FieldFrame {...frame}>
      <textarea className={controlClass('form-control', error)} {...wiring} {...control} />
    </FieldFrame>
  )
}

/** One check box with its label beside it (a confirmation); it posts CHECKED_VALUE when ticked. */
export function CheckField(props: FieldWiring & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className' | 'type' | 'value'>) {
  const { frame, wiring, error, control } = wireField(props)
  return (
    <div className={`form-check ${frame.className ?? 'mb-3'}`}>
      <input type="checkbox" className={controlClass('form-check-input', error)} value={CHECKED_VALUE} {...wiring} {...control} />
      <label className="form-check-label" htmlFor={frame.id}>
        {frame.label}
      </label>
      <FieldMessages id={frame.id} error={error} help={frame.help} />
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
}: FieldWiring & { options: { value: string; label: ReactNode }[]; checked: readonly string[]; autoFocus?: boolean }) {
  const id = `${formId}-${name}`
  return (
    <fieldset className={className ?? 'mb-3'} aria-describedby={describedBy(id, error, help)}>
      <legend className="form-label fs-6">{label}</legend>
      {options.map((option, index) => (
        <div className="form-check form-check-inline" key={option.value}>
          <input
            className={controlClass('form-check-input', error)}
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
      <FieldMessages id={id} error={error} help={help} />
    </fieldset>
  )
}
