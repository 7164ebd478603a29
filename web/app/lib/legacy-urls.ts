// The original app's URLs (seed-spec §2.1) and where each page lives now.
// One table rather than a route module per old URL: every route module is
// one more entry Remix flattens, ranks and tries on every request.

type Target = (id: number, query: URLSearchParams) => string

const ID = String.raw`(\d{1,9})`

const LEGACY_URLS: [RegExp, Target][] = [
  [/^\/magasin$/, () => '/magasins'],
  // /magasin/<id> was itself a redirect to the store's registers.
  [new RegExp(`^/magasin/${ID}(?:/caisses)?$`), (id) => `/magasins/${id}/caisses`],
  [new RegExp(`^/(?:vente|caisse)/${ID}$`), (id) => `/caisses/${id}/vente`],
  [new RegExp(`^/vente/retours/${ID}$`), (id) => `/caisses/${id}/retours`],
  // ?magasin_id= on /produit/ showed one store's stock: that is the store's stock page now, reached from the store.
  [/^\/produit$/, () => '/produits'],
  [/^\/produit\/ajouter$/, () => '/produits/nouveau'],
  // The original's edit page answered 500 (its template was missing).
  [new RegExp(`^/produit/modifier/${ID}$`), (id) => `/produits/${id}`],
  [/^\/rapport$/, (_id, query) => reportsFor(query.get('magasin_id'))],
  [/^\/stock-central$/, () => '/entrepot'],
  [/^\/stock-central\/demandes$/, () => '/reapprovisionnements'],
]

function reportsFor(storeId: string | null): string {
  return storeId && /^\d{1,9}$/.test(storeId) && Number(storeId) > 0 ? `/rapports?magasin=${Number(storeId)}` : '/rapports'
}

/** Where an old URL's page is now, or null when the path is not one of the original's (or its id is not one). */
export function legacyRedirect(pathname: string, query: URLSearchParams): string | null {
  // The original wrote its list URLs with a trailing slash (/magasin/, /produit/).
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  for (const [pattern, target] of LEGACY_URLS) {
    const match = pattern.exec(path)
    if (!match) continue
    const id = match[1] === undefined ? 0 : Number(match[1])
    if (match[1] !== undefined && id < 1) return null
    return target(id, query)
  }
  return null
}
