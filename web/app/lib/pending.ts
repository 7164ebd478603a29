// The pending-state helper (epic-stack style): is a form of this page being
// submitted right now? Works for <Form> navigations and for fetchers.
import { useFormAction, useNavigation, type Fetcher } from '@remix-run/react'

export function useIsPending({
  formAction,
  formMethod = 'POST',
  intent,
}: { formAction?: string; formMethod?: 'POST' | 'GET'; intent?: string } = {}): boolean {
  const contextualAction = useFormAction()
  const navigation = useNavigation()
  if (navigation.state === 'idle' || navigation.formMethod !== formMethod) return false
  if (navigation.formAction !== (formAction ?? contextualAction)) return false
  return intent === undefined || navigation.formData?.get('intent') === intent
}

/** The same question for a fetcher, optionally for one intent. */
export function isFetcherPending(fetcher: Pick<Fetcher, 'state' | 'formData'>, intent?: string): boolean {
  if (fetcher.state === 'idle') return false
  return intent === undefined || fetcher.formData?.get('intent') === intent
}
