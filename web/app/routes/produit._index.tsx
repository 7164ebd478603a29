import { redirect } from '@remix-run/node'

/** The original app's /produit/ (products list; its ?magasin_id= showed one store's stock, now on the store's stock page). */
export function loader() {
  throw redirect('/produits', 301)
}
