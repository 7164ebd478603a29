import { redirect } from '@remix-run/node'

/** The original app's /produit/ajouter (new product form). */
export function loader() {
  throw redirect('/produits/nouveau', 301)
}
