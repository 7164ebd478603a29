/*
 * OpenAPI examples of the reports: November 2026 up to the 24th over the
 * five stores, Magasin Centre-Ville in detail. Each example adds up (net =
 * gross − refunds, average ticket = net ÷ sales, half-up to the cent), as
 * the reports themselves do.
 */
const globalSummary = {
  total_revenue: '48210.35',
  total_sales_count: 6412,
  average_ticket: '7.52',
  gross_revenue: '48803.10',
  refunds: '592.75',
}

const centreVille = {
  store_id: 1,
  store_name: 'Magasin Centre-Ville',
  sales_count: 1623,
  revenue: '12408.90',
  average_ticket: '7.65',
  performance_rating: 'Excellent',
  gross_revenue: '12561.40',
  refunds: '152.50',
}

const week = (start: string, end: string, count: number, revenue: string, gross: string, refunds: string, ticket: string) => ({
  period_start: start,
  period_end: end,
  sales_count: count,
  revenue,
  gross_revenue: gross,
  refunds,
  average_ticket: ticket,
})

const salesDay = (day: string, figures: Record<string, unknown>) => ({ jour: day, ...figures })
const twoDays = {
  nombre_ventes: 119,
  ventes_brutes: '919.45',
  remboursements: '6.70',
  chiffre_affaires: '912.75',
  ticket_moyen: '7.67',
  taxes: '137.69',
  total_ttc: '1057.14',
  nombre_retours: 2,
  remboursements_ttc: '7.70',
}

const statuts = { ruptures: 1, critiques: 1, faibles: 0, normaux: 11 }

const level = (productId: number, code: string, name: string, quantity: number, reorderPoint: number, status: string, price: string, value: string) => ({
  product_id: productId,
  product_code: code,
  product_name: name,
  store_id: 1,
  location_name: 'Magasin Centre-Ville',
  quantity,
  reorder_point: reorderPoint,
  status,
  unit_price: price,
  stock_value: value,
})

const customFigures = (sold: number, returned: number, gross: string, refunds: string, net: string, sales: number, ticket: string) => ({
  quantite_vendue: sold,
  quantite_retournee: returned,
  ventes_brutes: gross,
  remboursements: refunds,
  chiffre_affaires: net,
  nombre_ventes: sales,
  ticket_moyen: ticket,
})

export const reportingExamples: Record<string, unknown> = {
  GlobalSummaryResponse: globalSummary,
  StorePerformanceResponse: centreVille,
  TopProductResponse: {
    product_id: 9,
    product_code: 'HYG001',
    product_name: 'Shampooing',
    total_quantity_sold: 1180,
    total_revenue: '4130.00',
    total_orders: 1042,
    average_quantity_per_order: '1.13',
    average_revenue_per_order: '3.96',
    quantity_returned: 14,
    gross_revenue: '4179.00',
    refunds: '49.00',
  },
  BusinessInsightsResponse: {
    global_summary: globalSummary,
    total_stores: 5,
    active_stores: 5,
    store_activation_rate: 100,
    best_performing_store: centreVille,
    average_store_revenue: '9642.07',
  },
  SalesReportResponse: {
    period: 'weekly',
    start_date: '2026-11-02',
    end_date: '2026-11-22',
    store_id: 1,
    total_sales: 1422,
    total_revenue: '10803.95',
    gross_revenue: '10936.45',
    refunds: '132.50',
    sales_data: [
      week('2026-11-02', '2026-11-08', 471, '3590.25', '3631.75', '41.50', '7.62'),
      week('2026-11-09', '2026-11-15', 488, '3702.60', '3760.10', '57.50', '7.59'),
      week('2026-11-16', '2026-11-22', 463, '3511.10', '3544.60', '33.50', '7.58'),
    ],
  },
  InventoryStatusResponse: {
    low_stock_threshold: null,
    store_id: 1,
    low_stock_products: [level(2, 'ALI002', 'Lait', 7, 15, 'critique', '1.10', '7.70')],
    out_of_stock_products: [level(10, 'HYG002', 'Savon', 0, 12, 'rupture', '1.20', '0.00')],
    total_products: 13,
    inventory_value: '1361.00',
  },
  RevenueTrendsResponse: {
    period: 'monthly',
    months_back: 3,
    store_id: null,
    start_date: '2026-09-01',
    end_date: '2026-11-24',
    trends: [
      { ...week('2026-09-01', '2026-09-30', 7804, '57920.40', '58610.90', '690.50', '7.42'), growth_rate: null, complete: true },
      { ...week('2026-10-01', '2026-10-31', 8130, '61088.15', '61790.65', '702.50', '7.51'), growth_rate: 5.47, complete: true },
      { ...week('2026-11-01', '2026-11-30', 6412, '48210.35', '48803.10', '592.75', '7.52'), growth_rate: -21.08, complete: false },
    ],
    growth_rate: 5.47,
    trend_direction: 'increasing',
  },
  RapportModesPaiement: {
    date_debut: '2026-11-23',
    date_fin: '2026-11-24',
    magasin_id: 1,
    totaux: [
      { mode: 'especes', encaisse: '412.35', rembourse: '6.85', net: '405.50' },
      { mode: 'carte', encaisse: '1290.10', rembourse: '2.00', net: '1288.10' },
      { mode: 'autre', encaisse: '0.00', rembourse: '0.00', net: '0.00' },
    ],
    total: { encaisse: '1702.45', rembourse: '8.85', net: '1693.60', arrondi_especes: '0.03' },
    par_jour: [
      { jour: '2026-11-23', magasin_id: 1, magasin_nom: 'Magasin Centre-Ville', mode: 'especes', encaisse: '198.40', rembourse: '0.00', net: '198.40' },
      { jour: '2026-11-23', magasin_id: 1, magasin_nom: 'Magasin Centre-Ville', mode: 'carte', encaisse: '640.25', rembourse: '2.00', net: '638.25' },
      { jour: '2026-11-24', magasin_id: 1, magasin_nom: 'Magasin Centre-Ville', mode: 'especes', encaisse: '213.95', rembourse: '6.85', net: '207.10' },
      { jour: '2026-11-24', magasin_id: 1, magasin_nom: 'Magasin Centre-Ville', mode: 'carte', encaisse: '649.85', rembourse: '0.00', net: '649.85' },
    ],
  },
  RapportVentes: {
    date_debut: '2026-11-23',
    date_fin: '2026-11-24',
    magasin_id: 1,
    totaux: twoDays,
    par_magasin: [{ magasin_id: 1, magasin_nom: 'Magasin Centre-Ville', ...twoDays }],
    par_jour: [
      salesDay('2026-11-23', {
        nombre_ventes: 58,
        ventes_brutes: '449.30',
        remboursements: '6.70',
        chiffre_affaires: '442.60',
        ticket_moyen: '7.63',
        taxes: '67.28',
        total_ttc: '516.58',
        nombre_retours: 2,
        remboursements_ttc: '7.70',
      }),
      salesDay('2026-11-24', {
        nombre_ventes: 61,
        ventes_brutes: '470.15',
        remboursements: '0.00',
        chiffre_affaires: '470.15',
        ticket_moyen: '7.71',
        taxes: '70.41',
        total_ttc: '540.56',
        nombre_retours: 0,
        remboursements_ttc: '0.00',
      }),
    ],
  },
  RapportInventaire: {
    magasin_id: 1,
    genere_le: '2026-11-24T14:32:05.120Z',
    emplacements: [
      {
        type: 'magasin',
        magasin_id: 1,
        nom: 'Magasin Centre-Ville',
        nombre_produits: 13,
        quantite_totale: 789,
        valeur: '1361.00',
        alertes: 2,
        statuts,
      },
    ],
    totaux: { quantite_totale: 789, valeur: '1361.00', alertes: 2, statuts },
  },
  RapportKpis: {
    periode: { date_debut: '2026-11-01', date_fin: '2026-11-24' },
    periode_precedente: { date_debut: '2026-10-01', date_fin: '2026-10-24' },
    magasin_id: null,
    chiffre_affaires: { valeur: '48210.35', precedent: '46530.10', variation_pct: 3.61 },
    transactions: { valeur: 6412, precedent: 6297, variation_pct: 1.83 },
    ticket_moyen: { valeur: '7.52', precedent: '7.39', variation_pct: 1.76 },
    ventes_brutes: { valeur: '48803.10', precedent: '47120.35', variation_pct: 3.57 },
    alertes_stock: { total: 9, ruptures: 1, critiques: 3, faibles: 5, normaux: 69 },
  },
  RapportPersonnalise: {
    date_debut: '2026-10-01',
    date_fin: '2026-10-31',
    magasin_ids: [1, 2],
    produit_ids: null,
    grouper_par: 'magasin',
    totaux: customFigures(7860, 92, '24308.85', '282.20', '24026.65', 3212, '7.48'),
    lignes: [
      { magasin_id: 1, libelle: 'Magasin Centre-Ville', ...customFigures(4210, 52, '12988.70', '160.30', '12828.40', 1702, '7.54') },
      { magasin_id: 2, libelle: 'Magasin Banlieue', ...customFigures(3650, 40, '11320.15', '121.90', '11198.25', 1510, '7.42') },
    ],
  },
}

export const customReportBodyExample = { date_debut: '2026-10-01', date_fin: '2026-10-31', magasin_ids: [1, 2], grouper_par: 'magasin' }

/* The CSV download of global-summary (format=csv or Accept: text/csv). */
export const csvExample = 'total_revenue,total_sales_count,average_ticket,gross_revenue,refunds\r\n48210.35,6412,7.52,48803.10,592.75\r\n'
