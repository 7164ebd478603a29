import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { idParam } from '~/lib/request.server'

/** The original app's /magasin/<id> (already a redirect there). */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/magasins/${idParam(params.id)}/caisses`, 301)
}
