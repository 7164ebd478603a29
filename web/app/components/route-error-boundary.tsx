import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react'

import { ErrorPanel } from './error-panel'
import type { MessageKey } from '~/lib/i18n/index'
import { useRootData, useT } from '~/lib/root-data'

function describe(error: unknown): { title: MessageKey; message: MessageKey; status: number | null } {
  if (isRouteErrorResponse(error)) {
    switch (error.status) {
      case 403:
        return error.data === 'csrf'
          ? { title: 'error.csrf.title', message: 'error.csrf.message', status: 403 }
          : { title: 'error.forbidden.title', message: 'error.forbidden.message', status: 403 }
      case 404:
        return { title: 'error.notFound.title', message: 'error.notFound.message', status: 404 }
      case 405:
        return { title: 'error.method.title', message: 'error.method.message', status: 405 }
      case 503:
        return { title: 'error.unreachable.title', message: 'error.unreachable.message', status: 503 }
      case 502:
        return { title: 'error.api.title', message: 'error.api.message', status: 502 }
      default:
        return { title: 'error.unexpected.title', message: 'error.unexpected.message', status: error.status }
    }
  }
  // Details of unexpected errors stay in the server logs, never on the page.
  return { title: 'error.unexpected.title', message: 'error.unexpected.message', status: null }
}

/** Every route's ErrorBoundary: a French (or English) explanation, never a stack trace. */
export function RouteErrorBoundary() {
  const t = useT()
  const root = useRootData()
  const described = describe(useRouteError())
  const { title, status } = described
  // The clerk's sentence names what clerks reach; a manager refused an administrator's page is told that.
  const message: MessageKey =
    described.message === 'error.forbidden.message' && root?.user?.role === 'manager' ? 'error.forbidden.adminOnly' : described.message
  const showReference = status === null || status >= 500
  return (
    <ErrorPanel title={t(title)} requestId={showReference ? root?.requestId : undefined} referenceLabel={t('error.reference')}>
      <p>{t(message)}</p>
      <p className="mb-0">
        <Link to="/" className="alert-link">
          {t('error.backHome')}
        </Link>
      </p>
    </ErrorPanel>
  )
}
