import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { idParam } from '~/lib/request.server'

/** The original app's returns page, /vente/retours/<caisse_id>. */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/caisses/${idParam(params.caisse)}/retours`, 301)
}
