import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { documented, type ResponseDoc, type RouteDoc } from '#core/openapi/registry'
import { registerSchemas } from '#core/openapi/schemas'
import { registerExamples } from '#core/openapi/examples'
import { errorResponse, missingScope, otherStore, validationError } from '#core/openapi/errors'
import { ApiError } from '#core/api_error'
import { reportingSchemas } from '#reporting/openapi_schemas'
import { csvExample, customReportBodyExample, reportingExamples } from '#reporting/openapi_examples'
import {
  customReportBody,
  formatQuery,
  inventoryReportQuery,
  inventoryStatusQuery,
  periodQuery,
  periodStoreQuery,
  productRankingQuery,
  revenueTrendsQuery,
  salesByPeriodQuery,
  storeIdParams,
  storesPerformanceQuery,
  topStoresQuery,
  underperformingQuery,
} from '#reporting/validators/report_validators'

const PerformanceReports = () => import('#reporting/controllers/performance_reports_controller')
const SeriesReports = () => import('#reporting/controllers/series_reports_controller')
const ReadmeReports = () => import('#reporting/controllers/readme_reports_controller')
const TenderReports = () => import('#reporting/controllers/tender_reports_controller')

registerSchemas(reportingSchemas)
registerExamples(reportingExamples)

const PERIOD =
  'start_date/end_date (or date_debut/date_fin): inclusive business days in APP_TIMEZONE, at most 5 years. '
const ALL_HISTORY = 'Without dates: all history. '
const NET = 'Revenue is net sales: pre-tax sales of the period minus pre-tax refunds of the returns made in the period. '
const STORE = 'store_id (or magasin_id) restricts to one store (404 if unknown). '
const CLERK = 'A clerk session with the reports scope sees only its own store (another store: 403). '
const CSV = 'format=csv or Accept: text/csv: a CSV download of the same figures.'

/** 200 as JSON (a component schema) or as CSV. */
function ok(description: string, schema: string | Record<string, unknown>, csv?: string): Record<number, ResponseDoc> {
  return {
    200: {
      description,
      schema,
      alternatives: [{ contentType: 'text/csv', schema: { type: 'string', description: 'CSV with a header row' }, example: csv }],
    },
  }
}

const forbidden = errorResponse('The token lacks the reports scope, or a clerk asks for another store', missingScope(['reports']), otherStore)
const unknownStore = errorResponse('store_id (or magasin_id) names no store', ApiError.notFound('Store', 42))

const listOf = (name: string) => ({ type: 'array', items: { $ref: `#/components/schemas/${name}` } })

type Doc = Omit<RouteDoc, 'tags' | 'auth'>

/** A report route; 403 for every one, 404 for those that take a store_id. */
function report(method: 'get' | 'post', path: string, handler: Parameters<typeof router.get>[1], doc: Doc) {
  const query = doc.query?.toJSONSchema() as { properties?: Record<string, unknown> } | undefined
  const responses: Record<number, ResponseDoc> = { 403: forbidden }
  if (query?.properties && 'store_id' in query.properties) responses[404] = unknownStore
  Object.assign(responses, doc.responses)
  documented(router[method](path, handler), { ...doc, responses, tags: ['Reports'], auth: ['reports'] })
}

router
  .group(() => {
    report('get', '/global-summary', [PerformanceReports, 'globalSummary'], {
      summary: 'Revenue, number of sales and average ticket',
      description: PERIOD + ALL_HISTORY + STORE + NET + CLERK + CSV,
      query: periodStoreQuery,
      responses: ok('Summary', 'GlobalSummaryResponse', csvExample),
    })
    report('get', '/store-performances', [PerformanceReports, 'storePerformances'], {
      summary: 'Every store with its figures and rating (best first, stores without sales last)',
      description: PERIOD + ALL_HISTORY + STORE + NET + 'Rating on net revenue: ≥ 10000 Excellent, ≥ 5000 Good, ≥ 1000 Average, else Poor. ' + CLERK + CSV,
      query: periodStoreQuery,
      responses: ok('Stores', listOf('StorePerformanceResponse')),
    })
    report('get', '/top-stores', [PerformanceReports, 'topStores'], {
      summary: 'The best stores by net revenue (limit 1–20, default 5)',
      description: PERIOD + ALL_HISTORY + NET + CLERK + CSV,
      query: topStoresQuery,
      responses: ok('Stores', listOf('StorePerformanceResponse')),
    })
    report('get', '/underperforming-stores', [PerformanceReports, 'underperformingStores'], {
      summary: 'Stores whose net revenue is below a threshold in dollars (default 1000), lowest first',
      description: PERIOD + ALL_HISTORY + NET + CLERK + CSV,
      query: underperformingQuery,
      responses: ok('Stores', listOf('StorePerformanceResponse')),
    })
    report('get', '/top-products', [PerformanceReports, 'topProducts'], {
      summary: 'Products by net revenue (limit 1–50, default 10), unsold products last',
      description: PERIOD + ALL_HISTORY + STORE + NET + 'Quantities are net of returns. ' + CLERK + CSV,
      query: productRankingQuery,
      responses: ok('Products', listOf('TopProductResponse')),
    })
    report('get', '/products-by-revenue', [PerformanceReports, 'productsByRevenue'], {
      summary: 'Products by net revenue (same as top-products)',
      description: PERIOD + ALL_HISTORY + STORE + NET + CLERK + CSV,
      query: productRankingQuery,
      responses: ok('Products', listOf('TopProductResponse')),
    })
    report('get', '/products-by-volume', [PerformanceReports, 'productsByVolume'], {
      summary: 'Products by net units sold (limit 1–50, default 10), unsold products last',
      description: PERIOD + ALL_HISTORY + STORE + CLERK + CSV,
      query: productRankingQuery,
      responses: ok('Products', listOf('TopProductResponse')),
    })
    report('get', '/business-insights', [PerformanceReports, 'businessInsights'], {
      summary: 'Summary, active stores, best store and average revenue per store',
      description: PERIOD + ALL_HISTORY + NET + 'best_performing_store is null when no store sold anything. ' + CLERK + CSV,
      query: periodQuery,
      responses: ok('Insights', 'BusinessInsightsResponse'),
    })
    report('get', '/stores/:id/performance', [PerformanceReports, 'storePerformance'], {
      summary: 'One store’s figures and rating',
      description: PERIOD + ALL_HISTORY + NET + CLERK + CSV,
      params: storeIdParams,
      query: periodQuery,
      responses: {
        ...ok('The store', 'StorePerformanceResponse'),
        404: errorResponse('No such store', ApiError.notFound('Store', 42)),
      },
    })
    report('get', '/stores/performance', [PerformanceReports, 'storesPerformance'], {
      summary: 'Stores by net revenue (limit 1–50, default 10)',
      description: PERIOD + ALL_HISTORY + NET + CLERK + CSV,
      query: storesPerformanceQuery,
      responses: ok('Stores', listOf('StorePerformanceResponse')),
    })
    report('get', '/sales-by-period', [SeriesReports, 'salesByPeriod'], {
      summary: 'Sales per day, ISO week (from Monday) or month, every bucket present',
      description:
        PERIOD + 'Without dates: the last 30 days, 12 weeks or 12 months up to today. The first and last buckets are clipped to the period. ' +
        STORE + NET + CLERK + CSV,
      query: salesByPeriodQuery,
      responses: ok('Sales per period', 'SalesReportResponse'),
    })
    report('get', '/inventory-status', [SeriesReports, 'inventoryStatus'], {
      summary: 'Out-of-stock and low-stock levels, product count and stock value, now',
      description:
        'Low: at or below each level’s reorder point, or at or below low_stock_threshold when given. Stores and the ' +
        'central warehouse unless store_id is given. Value = Σ quantity × current price. ' + CLERK + CSV,
      query: inventoryStatusQuery,
      responses: ok('Inventory status', 'InventoryStatusResponse'),
    })
    report('get', '/revenue-trends', [SeriesReports, 'revenueTrends'], {
      summary: 'Net revenue per day, week or month over months_back months (default 12), with growth and direction',
      description:
        'growth_rate: the last complete bucket against the one before (%); trend_direction: least-squares slope over ' +
        'complete buckets, "stable" within ±5 % of the mean. start_date/end_date override the months_back window. ' +
        STORE + NET + CLERK + CSV,
      query: revenueTrendsQuery,
      responses: ok('Trends', 'RevenueTrendsResponse'),
    })
    report('get', '/sales', [ReadmeReports, 'sales'], {
      summary: 'Sales report: totals, per store and per day (README)',
      description:
        PERIOD + 'Without dates: the current month up to today. Amounts before and after tax. ' + STORE + NET + CLERK +
        CSV + ' The CSV has one row per day and store.',
      query: periodStoreQuery,
      responses: ok('Sales report', 'RapportVentes'),
    })
    report('get', '/payments-by-tender', [TenderReports, 'paymentsByTender'], {
      summary: 'Money taken and given back per tender (cash, card, other), per day and store',
      description:
        PERIOD + 'Without dates: the current month up to today. encaisse is what each tender took for the sales of the ' +
        'period (cash net of the change handed back), rembourse what the returns of the period gave back to it (a refund ' +
        'split card + cash counts its part in each), net the difference: the card column is what the terminals should ' +
        'have settled. total adds the three up; its net is total_ttc − remboursements_ttc of GET /reports/sales. ' +
        STORE + CLERK + CSV + ' The CSV has one row per day, store and tender.',
      query: periodStoreQuery,
      responses: ok('Payments by tender', 'RapportModesPaiement'),
    })
    report('get', '/inventory', [ReadmeReports, 'inventory'], {
      summary: 'Stock per location: quantity, value, statuses and alerts, now (README)',
      description: 'Alert = at or below the reorder point (active products). ' + STORE + CLERK + CSV,
      query: inventoryReportQuery,
      responses: ok('Inventory', 'RapportInventaire'),
    })
    report('get', '/kpis', [ReadmeReports, 'kpis'], {
      summary: 'Revenue, transactions, average ticket vs the previous period, and stock alerts (README)',
      description:
        PERIOD + 'Without dates: the current month up to today, compared with the same days of the previous month. A whole ' +
        'month is compared with the whole previous month, any other period with the same number of days just before. ' +
        STORE + NET + CLERK + CSV,
      query: periodStoreQuery,
      responses: ok('KPIs', 'RapportKpis'),
    })
    report('post', '/custom', [ReadmeReports, 'custom'], {
      summary: 'Custom report over a period, stores and products, grouped by day, week, month, store or product (README)',
      description:
        'date_debut and date_fin are required (or start_date/end_date), at most 5 years apart. Unknown store or product ' +
        'ids are a 422. ' + NET + CLERK + ' ?format=csv or Accept: text/csv for the rows as CSV.',
      query: formatQuery,
      body: customReportBody,
      bodyExample: customReportBodyExample,
      responses: {
        ...ok('Rows and totals', 'RapportPersonnalise'),
        422: errorResponse(
          'Validation error: missing or inverted period, unknown store or product ids',
          validationError('date_fin', 'The date_fin field must be on or after date_debut', 'afterOrEqual'),
          new ApiError(422, 'VALIDATION_ERROR', 'Validation failed: produit_ids.0', {
            validation_errors: [{ field: 'produit_ids.0', message: 'No product with identifier 999', type: 'exists' }],
          })
        ),
      },
    })
  })
  .prefix('/api/v1/reports')
  .use(middleware.auth({ scopes: ['reports'] }))
