import { redirect } from '@remix-run/node'

/** The original app's /stock-central/demandes (replenishment requests). */
export function loader() {
  throw redirect('/reapprovisionnements', 301)
}
