/*
 * Response schemas of the reporting module. The original's routes keep its
 * English names (GlobalSummaryResponse, …); the README's routes are French.
 */
const money = { $ref: '#/components/schemas/Money' }
const int = { type: 'integer' }
const day = { type: 'string', format: 'date', example: '2026-11-24' }
const nullableInt = { type: ['integer', 'null'] }
const percent = { type: ['number', 'null'], description: 'Percent, two decimals; null when there is nothing to compare with' }
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

function object(properties: Record<string, unknown>) {
  return { type: 'object', required: Object.keys(properties), properties }
}

const bucket = object({
  period_start: day,
  period_end: day,
  sales_count: int,
  revenue: money,
  gross_revenue: money,
  refunds: money,
  average_ticket: money,
})

const level = object({
  product_id: int,
  product_code: { type: 'string' },
  product_name: { type: 'string' },
  store_id: { ...nullableInt, description: 'null: the central warehouse' },
  location_name: { type: 'string' },
  quantity: int,
  reorder_point: int,
  status: { enum: ['rupture', 'critique', 'faible', 'normal'] },
  unit_price: money,
  stock_value: money,
})

const tender = { enum: ['especes', 'carte', 'autre'] }
const tenderFigures = {
  encaisse: { ...money, description: 'Taken for the sales of the period (cash net of the change given back)' },
  rembourse: { ...money, description: 'Given back to this tender by the returns of the period' },
  net: { ...money, description: 'encaisse − rembourse' },
}

const salesFigures = {
  nombre_ventes: int,
  ventes_brutes: money,
  remboursements: money,
  chiffre_affaires: money,
  ticket_moyen: money,
  taxes: money,
  total_ttc: money,
  nombre_retours: int,
  remboursements_ttc: money,
}

const statuses = object({ ruptures: int, critiques: int, faibles: int, normaux: int })

const comparison = (type: unknown) => object({ valeur: type, precedent: type, variation_pct: percent })

const customFigures = {
  quantite_vendue: { ...int, description: 'Units sold minus units returned' },
  quantite_retournee: int,
  ventes_brutes: money,
  remboursements: money,
  chiffre_affaires: money,
  nombre_ventes: { ...nullableInt, description: 'null when several products are filtered (not exact from rollups)' },
  ticket_moyen: { anyOf: [money, { type: 'null' }] },
}

export const reportingSchemas: Record<string, Record<string, unknown>> = {
  GlobalSummaryResponse: object({
    total_revenue: { ...money, description: 'Net sales: pre-tax sales minus pre-tax refunds' },
    total_sales_count: int,
    average_ticket: money,
    gross_revenue: money,
    refunds: money,
  }),
  StorePerformanceResponse: object({
    store_id: int,
    store_name: { type: 'string', example: 'Magasin Centre-Ville' },
    sales_count: int,
    revenue: money,
    average_ticket: money,
    performance_rating: { enum: ['Excellent', 'Good', 'Average', 'Poor'] },
    gross_revenue: money,
    refunds: money,
  }),
  TopProductResponse: object({
    product_id: int,
    product_code: { type: 'string', example: 'ALI001' },
    product_name: { type: 'string', example: 'Pain' },
    total_quantity_sold: { ...int, description: 'Net units: sold minus returned' },
    total_revenue: money,
    total_orders: { ...int, description: 'Sales containing the product' },
    average_quantity_per_order: { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', example: '1.50' },
    average_revenue_per_order: money,
    quantity_returned: int,
    gross_revenue: money,
    refunds: money,
  }),
  BusinessInsightsResponse: object({
    global_summary: ref('GlobalSummaryResponse'),
    total_stores: int,
    active_stores: int,
    store_activation_rate: { type: 'number' },
    best_performing_store: { anyOf: [ref('StorePerformanceResponse'), { type: 'null' }] },
    average_store_revenue: money,
  }),
  SalesReportResponse: object({
    period: { enum: ['daily', 'weekly', 'monthly'] },
    start_date: day,
    end_date: day,
    store_id: nullableInt,
    total_sales: int,
    total_revenue: money,
    gross_revenue: money,
    refunds: money,
    sales_data: { type: 'array', items: bucket },
  }),
  InventoryStatusResponse: object({
    low_stock_threshold: { ...nullableInt, description: 'null: each level’s own reorder point was used' },
    store_id: nullableInt,
    low_stock_products: { type: 'array', items: level },
    out_of_stock_products: { type: 'array', items: level },
    total_products: int,
    inventory_value: money,
  }),
  RevenueTrendsResponse: object({
    period: { enum: ['daily', 'weekly', 'monthly'] },
    months_back: int,
    store_id: nullableInt,
    start_date: day,
    end_date: day,
    trends: {
      type: 'array',
      items: { ...bucket, properties: { ...bucket.properties, growth_rate: percent, complete: { type: 'boolean' } } },
    },
    growth_rate: percent,
    trend_direction: { enum: ['increasing', 'decreasing', 'stable'] },
  }),
  RapportVentes: object({
    date_debut: day,
    date_fin: day,
    magasin_id: nullableInt,
    totaux: object(salesFigures),
    par_magasin: { type: 'array', items: object({ magasin_id: int, magasin_nom: { type: 'string' }, ...salesFigures }) },
    par_jour: { type: 'array', items: object({ jour: day, ...salesFigures }) },
  }),
  RapportInventaire: object({
    magasin_id: nullableInt,
    genere_le: { type: 'string', format: 'date-time' },
    emplacements: {
      type: 'array',
      items: object({
        type: { enum: ['magasin', 'entrepot'] },
        magasin_id: nullableInt,
        nom: { type: 'string' },
        nombre_produits: int,
        quantite_totale: int,
        valeur: money,
        alertes: int,
        statuts: statuses,
      }),
    },
    totaux: object({ quantite_totale: int, valeur: money, alertes: int, statuts: statuses }),
  }),
  RapportKpis: object({
    periode: object({ date_debut: day, date_fin: day }),
    periode_precedente: object({ date_debut: day, date_fin: day }),
    magasin_id: nullableInt,
    chiffre_affaires: comparison(money),
    transactions: comparison(int),
    ticket_moyen: comparison(money),
    ventes_brutes: comparison(money),
    alertes_stock: object({ total: int, ruptures: int, critiques: int, faibles: int, normaux: int }),
  }),
  RapportModesPaiement: object({
    date_debut: day,
    date_fin: day,
    magasin_id: nullableInt,
    totaux: {
      type: 'array',
      description: 'Every tender, cash first, even one that did nothing (0.00)',
      items: object({ mode: tender, ...tenderFigures }),
    },
    total: {
      ...object({
        ...tenderFigures,
        arrondi_especes: {
          ...money,
          description:
            'Cash settles to the nickel (ADR 0023): net − (total_ttc − remboursements_ttc) of the sales report, the roundings of the ' +
            'period as the difference between the tender and the register rollups (stock:verify checks each against the sales)',
        },
      }),
      description: 'The three tenders together: net is what the sales report calls total_ttc − remboursements_ttc, plus arrondi_especes',
    },
    par_jour: {
      type: 'array',
      description: 'One row per business day, store and tender that took or refunded anything, oldest first',
      items: object({ jour: day, magasin_id: int, magasin_nom: { type: 'string' }, mode: tender, ...tenderFigures }),
    },
  }),
  RapportPersonnalise: object({
    date_debut: day,
    date_fin: day,
    magasin_ids: { type: ['array', 'null'], items: int },
    produit_ids: { type: ['array', 'null'], items: int },
    grouper_par: { enum: ['jour', 'semaine', 'mois', 'magasin', 'produit', null] },
    totaux: object(customFigures),
    lignes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['libelle', ...Object.keys(customFigures)],
        properties: {
          periode_debut: day,
          periode_fin: day,
          magasin_id: int,
          produit_id: int,
          code: { type: 'string' },
          libelle: { type: 'string' },
          ...customFigures,
        },
      },
    },
  }),
}
