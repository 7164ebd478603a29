import { redirect } from '@remix-run/node'

/** The original app's /magasin/ (stores list). */
export function loader() {
  throw redirect('/magasins', 301)
}
