import { redirect } from '@remix-run/node'

/** The original app's /stock-central/ (central stock): now the warehouse page. */
export function loader() {
  throw redirect('/entrepot', 301)
}
