import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { idParam } from '~/lib/request.server'

/** The original app's /caisse/<id> (a redirect to the POS there too). */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/caisses/${idParam(params.id)}/vente`, 301)
}
