import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { legacyRedirect } from '~/lib/legacy-urls'
import { notFound } from '~/lib/request.server'

/** Any URL no route knows: the original app's old URLs move on (301), anything else is a 404 page inside the usual layout. */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const target = legacyRedirect(url.pathname, url.searchParams)
  if (target) throw redirect(target, 301)
  throw notFound()
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
