import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

/** The original app's /rapport/?magasin_id= (its report page). */
export function loader({ request }: LoaderFunctionArgs) {
  const storeId = new URL(request.url).searchParams.get('magasin_id') ?? ''
  throw redirect(/^\d{1,9}$/.test(storeId) && Number(storeId) > 0 ? `/rapports?magasin=${Number(storeId)}` : '/rapports', 301)
}
