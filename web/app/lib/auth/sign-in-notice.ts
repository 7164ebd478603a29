import type { MessageKey } from '../i18n/index.ts'

/**
 * What the sign-in page says first: why the user is back there, from the
 * parameters loginRedirect() set. A form sent after the session ran out and
 * one sent after it was closed (signed out in another tab) both say nothing
 * was recorded, but only the first calls it an expiry.
 */
export function signInNotice(params: URLSearchParams, expiredNow: boolean): MessageKey | null {
  if (params.get('expire') === 'envoi') return 'auth.expiredUnsent'
  if (params.get('deconnecte') === 'envoi') return 'auth.signedOutUnsent'
  if (params.get('expire') === '1' || expiredNow) return 'auth.expired'
  return null
}
