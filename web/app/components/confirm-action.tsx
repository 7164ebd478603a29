import { Form } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'

import { CsrfField } from '~/components/csrf-field'

/**
 * A destructive action that asks first, with or without JavaScript: the
 * button opens a <details> box holding the question and the real POST form
 * (no window.confirm, no GET link). Hidden fields say what to act on.
 *
 * `accessibleName` names the record ("Supprimer la catégorie Boissons…"):
 * a list's rows all show the same short `label`, and a screen reader's list
 * of buttons would otherwise read "Supprimer…" once per row. Required, so no
 * new use forgets it; keep the visible label's words in it (speech control).
 */
export function ConfirmAction({
  label,
  accessibleName,
  question,
  confirmLabel,
  action,
  intent,
  fields = {},
}: {
  label: ReactNode
  accessibleName: string
  question: ReactNode
  confirmLabel: ReactNode
  action?: string
  intent: string
  fields?: Record<string, string | number>
}) {
  return (
    <details className="confirm-action d-inline-block">
      <summary className="btn btn-sm btn-outline-danger" aria-label={accessibleName}>
        {label}
      </summary>
      <div className="confirm-action-box border rounded-3 bg-body p-2 mt-1 shadow-sm">
        <p className="small mb-2">{question}</p>
        {/* Confirmed: the box closes (with JavaScript a refusal came back to a page where it stayed open). */}
        <Form method="post" action={action} onSubmit={closeBox}>
          <CsrfField />
          <input type="hidden" name="intent" value={intent} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="btn btn-sm btn-danger">
            {confirmLabel}
          </button>
        </Form>
      </div>
    </details>
  )
}

function closeBox(event: FormEvent<HTMLFormElement>) {
  const box = event.currentTarget.closest('details')
  if (box) box.open = false
}
