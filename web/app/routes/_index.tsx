import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'

import { ErrorPanel } from '~/components/error-panel'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { StoreCard } from '~/components/store-card'
import { ApiError, ApiUnreachableError, apiGet } from '~/lib/api.server'
import type { Paginated, Store } from '~/lib/api-types'

type StoreSummary = Pick<Store, 'id' | 'nom' | 'adresse' | 'telephone'>

export const meta: MetaFunction = () => [{ title: 'Comptoir — Système de gestion multi-magasins' }]

export async function loader({ context }: LoaderFunctionArgs) {
  const { requestId } = context
  try {
    const page = await apiGet<Paginated<Store>>('/api/v1/stores?size=100', { requestId })
    // Only what the cards show goes to the browser.
    const stores = page.items.map(({ id, nom, adresse, telephone }) => ({ id, nom, adresse, telephone }))
    return data({ kind: 'stores' as const, stores, total: page.total })
  } catch (error) {
    // The page still renders (with its navigation) when the API is in trouble.
    if (error instanceof ApiUnreachableError) {
      return data({ kind: 'unreachable' as const, message: error.message, requestId }, { status: 503 })
    }
    if (error instanceof ApiError) {
      return data({ kind: 'api_error' as const, message: error.message, requestId }, { status: 502 })
    }
    throw error
  }
}

export default function HomePage() {
  const result = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="display-6 mb-4">Système de gestion multi-magasins</h1>
      {result.kind === 'stores' ? (
        <StoreList stores={result.stores} total={result.total} />
      ) : (
        <ErrorPanel
          title={result.kind === 'unreachable' ? "L'API est injoignable" : "L'API a renvoyé une erreur"}
          requestId={result.requestId}
        >
          <p>{result.message}</p>
        </ErrorPanel>
      )}
    </>
  )
}

function StoreList({ stores, total }: { stores: StoreSummary[]; total: number }) {
  return (
    <section aria-labelledby="stores-heading">
      <h2 id="stores-heading" className="h4 mb-3">
        Nos magasins
      </h2>
      {stores.length === 0 ? (
        <p className="text-body-secondary">Aucun magasin n'est encore configuré.</p>
      ) : (
        <div className="row row-cols-1 row-cols-md-2 row-cols-lg-3 g-3">
          {stores.map((store) => (
            <div className="col" key={store.id}>
              <StoreCard store={store} />
            </div>
          ))}
        </div>
      )}
      {total > stores.length ? (
        <p className="mt-3 small text-body-secondary">
          {stores.length} magasins affichés sur {total}.
        </p>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
