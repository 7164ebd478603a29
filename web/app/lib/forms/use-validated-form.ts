// The browser half of a shared form schema: with JavaScript, the form is
// checked before it is sent and the first field in error gets the focus; the
// server's answer (its own check, or the API's refusal) is shown the same
// way. Without JavaScript the action answers and `autoFocus` does the focus.
import { useEffect, useRef, useState, type FormEvent } from 'react'

import type { FieldErrors, FormInput, Parsed } from './core.ts'
import type { FormRefusal } from './refusals.ts'

function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors): void {
  // Form order, not the schema's: the user reads the form top to bottom.
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name
    if (name && errors[name] && typeof (element as HTMLElement).focus === 'function') {
      ;(element as HTMLElement).focus()
      return
    }
  }
}

/** Sent when the browser's own check refuses a form: the notice of an earlier submission steps aside. */
export const FORM_REFUSED_EVENT = 'comptoir:form-refused'

export function useValidatedForm(parse: (input: FormInput) => Parsed<unknown>, refusal: FormRefusal | undefined) {
  const formRef = useRef<HTMLFormElement>(null)
  const [local, setLocal] = useState<FieldErrors | null>(null)

  // A new answer from the server replaces what the browser found, and takes the focus.
  useEffect(() => {
    setLocal(null)
    const form = formRef.current
    if (!refusal || !form) return
    if (refusal.fieldErrors) focusFirstInvalid(form, refusal.fieldErrors)
    else form.querySelector<HTMLElement>('[role="alert"][tabindex]')?.focus()
  }, [refusal])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parse(new FormData(event.currentTarget))
    if (parsed.ok) {
      setLocal(null)
      return
    }
    event.preventDefault()
    setLocal(parsed.errors)
    focusFirstInvalid(event.currentTarget, parsed.errors)
    // The page's notice (« Produit enregistré. ») was about the last submission, not this one.
    window.dispatchEvent(new Event(FORM_REFUSED_EVENT))
  }

  const fieldErrors: FieldErrors = local ?? refusal?.fieldErrors ?? {}
  // Once the browser's own check has spoken, the server's earlier refusal of the whole form
  // ("Stock insuffisant…") is about a submission that is no longer on the page.
  const formError = local ? undefined : refusal?.error
  return { formRef, onSubmit, fieldErrors, formError }
}
