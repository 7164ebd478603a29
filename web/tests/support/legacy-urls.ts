// The original app's URLs (seed-spec §2.1) and where each must lead: the unit
// test checks the table, the integration test the 301s a browser gets.
export const LEGACY_URL_PAIRS: [from: string, to: string][] = [
  ['/magasin/', '/magasins'],
  ['/magasin/2', '/magasins/2/caisses'],
  ['/magasin/2/caisses', '/magasins/2/caisses'],
  ['/vente/4', '/caisses/4/vente'],
  ['/caisse/4', '/caisses/4/vente'],
  ['/vente/retours/4', '/caisses/4/retours'],
  ['/produit/', '/produits'],
  ['/produit/ajouter', '/produits/nouveau'],
  ['/produit/modifier/7', '/produits/7'],
  ['/rapport/', '/rapports'],
  ['/stock-central/', '/entrepot'],
  ['/stock-central/demandes', '/reapprovisionnements'],
]
