import type { CsvTable } from '#reporting/services/csv'

/*
 * The original's report routes name their CSV columns like their JSON fields, in English (their
 * contract, kept by `format=csv`). `format=csv-fr` is for a spreadsheet in French: its columns take
 * the French names the rest of the API uses (`magasin_id`, `chiffre_affaires`…), and a store's
 * rating the words the web app shows. Columns already French pass through.
 */
const FRENCH_COLUMNS: Record<string, string> = {
  store_id: 'magasin_id',
  store_name: 'magasin_nom',
  product_id: 'produit_id',
  product_code: 'produit_code',
  product_name: 'produit_nom',
  location_name: 'emplacement',
  sales_count: 'nombre_ventes',
  total_sales_count: 'nombre_ventes',
  revenue: 'chiffre_affaires',
  total_revenue: 'chiffre_affaires',
  gross_revenue: 'ventes_brutes',
  refunds: 'remboursements',
  average_ticket: 'ticket_moyen',
  performance_rating: 'performance',
  total_quantity_sold: 'quantite_vendue',
  quantity_returned: 'quantite_retournee',
  total_orders: 'commandes',
  average_quantity_per_order: 'quantite_moyenne_par_commande',
  average_revenue_per_order: 'chiffre_affaires_moyen_par_commande',
  total_stores: 'nombre_magasins',
  active_stores: 'magasins_actifs',
  store_activation_rate: 'taux_magasins_actifs',
  best_store_id: 'meilleur_magasin_id',
  best_store_name: 'meilleur_magasin_nom',
  best_store_revenue: 'meilleur_magasin_chiffre_affaires',
  average_store_revenue: 'chiffre_affaires_moyen_par_magasin',
  period_start: 'debut_periode',
  period_end: 'fin_periode',
  growth_rate: 'taux_croissance',
  quantity: 'quantite',
  reorder_point: 'seuil_reappro',
  status: 'statut',
  unit_price: 'prix_unitaire',
  stock_value: 'valeur_stock',
}

const FRENCH_RATINGS: Record<string, string> = { Excellent: 'Excellente', Good: 'Bonne', Average: 'Moyenne', Poor: 'Faible' }

/** The same table with French column names (and rating words), for `format=csv-fr`. */
export function inFrench(table: CsvTable): CsvTable {
  const rating = table.columns.indexOf('performance_rating')
  return {
    columns: table.columns.map((column) => FRENCH_COLUMNS[column] ?? column),
    rows:
      rating < 0
        ? table.rows
        : table.rows.map((row) => row.map((value, index) => (index === rating && typeof value === 'string' ? (FRENCH_RATINGS[value] ?? value) : value))),
  }
}
