import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { notFound } from '~/lib/request.server'

/** Any URL no route knows: a 404 page inside the usual layout. */
export function loader() {
  throw notFound()
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
