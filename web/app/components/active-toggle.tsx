import { Form } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CsrfField } from '~/components/csrf-field'
import { useIsPending } from '~/lib/pending'
import { useT } from '~/lib/root-data'

/**
 * Deactivate / reactivate (a product, an account): one POST with intent
 * "deactivate" or "reactivate". Deactivating asks first: it takes a product
 * off sale in every store at once, or ends a person's sessions mid-sale.
 * `texts`: whose wording (`products.deactivate`, `users.deactivateQuestion`…).
 */
export function ActiveToggle({ action, active, name, texts }: { action: string; active: boolean; name: string; texts: 'products' | 'users' }) {
  const t = useT()
  const pending = useIsPending({ formAction: action, intent: 'reactivate' })
  if (active) {
    return (
      <ConfirmAction
        action={action}
        intent="deactivate"
        label={t(`${texts}.deactivate`)}
        accessibleName={t(`${texts}.deactivateOf`, { name })}
        question={t(`${texts}.deactivateQuestion`, { name })}
        confirmLabel={t(`${texts}.deactivateConfirm`)}
      />
    )
  }
  return (
    <Form method="post" action={action}>
      <CsrfField />
      <input type="hidden" name="intent" value="reactivate" />
      <button type="submit" className="btn btn-success" disabled={pending}>
        {t(`${texts}.reactivate`)}
      </button>
    </Form>
  )
}
