import { useRootData } from '~/lib/root-data'

/** The session's CSRF token; put one in every form that POSTs (actions refuse forms without it). */
export function CsrfField() {
  return <input type="hidden" name="csrf" value={useRootData()?.csrf ?? ''} />
}
