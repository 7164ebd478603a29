// The sales journal (/ventes): every sale, newest first, to find one again.
// French, the reference language. Placeholders are {name}; amounts and dates arrive already formatted.
export const sales = {
  'nav.sales': 'Ventes',
  'sales.title': 'Journal des ventes',
  'sales.storeTitle': 'Ventes — {store}',
  'sales.crumb': 'Ventes',
  'sales.lead': 'Toutes les ventes, les plus récentes d’abord. Le numéro de reçu ouvre le reçu (réimpression, retours).',
  'sales.filterLabel': 'Filtrer les ventes',
  'sales.receipt': 'Numéro de reçu (ou une partie)',
  'sales.store': 'Magasin',
  'sales.allStores': 'Tous les magasins',
  'sales.status': 'État',
  'sales.allStatuses': 'Tous les états',
  'sales.refunded': 'Remboursé',
  'sales.caption': 'Ventes, les plus récentes d’abord',
  'sales.empty': 'Aucune vente pour l’instant.',
  'sales.noMatch': 'Aucune vente ne correspond à ces filtres.',
  'sales.openReceipt': 'Ouvrir le reçu {number}',
  'sales.seeSales': 'Voir les ventes',
  'sales.leadStore':
    'Les ventes de votre magasin, les plus récentes d’abord. Le numéro de reçu ouvre le reçu (réimpression, retours) ; passé le délai de retour en caisse, c’est un gérant qui fait le retour.',
  'sales.newer': 'Nouvelles ventes depuis l’affichage de la première page : {count}.',
  'sales.showNewest': 'Afficher les plus récentes',
  'sales.pages': 'Pages du journal des ventes',
  'sales.noRefund': 'Aucun remboursement',
} as const
