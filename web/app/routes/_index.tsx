import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { homeFor } from '~/lib/nav'
import { signedIn } from '~/lib/request.server'

/**
 * The front door sends each role where its day starts: a clerk to their
 * store's registers, a manager to the stores. (A head-office dashboard can
 * take this URL over later.)
 */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await signedIn(args)
  const home = homeFor(user)
  throw redirect(home === '/' ? '/magasins' : home)
}
