import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { idParam } from '~/lib/request.server'

/** The original app's /produit/modifier/<id> (which answered 500: its template was missing). */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/produits/${idParam(params.id)}`, 301)
}
