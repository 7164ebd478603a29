import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { idParam } from '~/lib/request.server'

/** /magasins/<id> has no page of its own: the store's registers are its front page. */
export function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/magasins/${idParam(params.id)}/caisses`)
}
