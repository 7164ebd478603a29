import { Form } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CsrfField } from '~/components/csrf-field'
import { useIsPending } from '~/lib/pending'

/**
 * Deactivate / reactivate (a product, an account): one POST with intent
 * "deactivate" or "reactivate". Deactivating asks first: it takes a product
 * off sale in every store at once, or ends a person's sessions mid-sale.
 */
export function ActiveToggle({
  action,
  active,
  deactivate,
  reactivateLabel,
}: {
  action: string
  active: boolean
  deactivate: { label: string; accessibleName: string; question: string; confirmLabel: string }
  reactivateLabel: string
}) {
  const pending = useIsPending({ formAction: action, intent: 'reactivate' })
  if (active) return <ConfirmAction action={action} intent="deactivate" {...deactivate} />
  return (
    <Form method="post" action={action}>
      <CsrfField />
      <input type="hidden" name="intent" value="reactivate" />
      <button type="submit" className="btn btn-success" disabled={pending}>
        {reactivateLabel}
      </button>
    </Form>
  )
}
