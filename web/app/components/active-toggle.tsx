import { Form } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { useIsPending } from '~/lib/pending'

/** Deactivate / reactivate (a product, an account): one POST with intent "deactivate" or "reactivate". */
export function ActiveToggle({ action, active, deactivateLabel, reactivateLabel }: { action: string; active: boolean; deactivateLabel: string; reactivateLabel: string }) {
  const intent = active ? 'deactivate' : 'reactivate'
  const pending = useIsPending({ formAction: action, intent })
  return (
    <Form method="post" action={action}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`btn ${active ? 'btn-outline-danger' : 'btn-success'}`} disabled={pending}>
        {active ? deactivateLabel : reactivateLabel}
      </button>
    </Form>
  )
}
