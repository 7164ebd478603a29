// The figures of the dashboard and the reports page, from the API's report
// routes (reporting module: rollup tables, cached briefly, invalidated by
// every sale). One call per view, all at once.
import { ok, type ApiClient } from '../api/client.server.ts'
import { storeChoices } from '../stores.server.ts'
import { storeDay } from '../format.ts'
import {
  kpiView,
  pageOf,
  productsView,
  seriesView,
  stockView,
  storesView,
  tendersView,
  urgentView,
} from './figures.ts'
import { apiPeriodQuery, granularityFor, readReportFilters, type ReportFilters } from './filters.ts'

export const DASHBOARD_TOP_PRODUCTS = 5
/** The original report page showed its "Top 15". */
export const REPORT_TOP_PRODUCTS = 15
export const URGENT_PAGE_SIZE = 20
export const SERIES_PAGE_SIZE = 31

/** The stores for the filter's list, and the filters read against them (an unknown store is a field error). */
export async function filtersFor(api: ApiClient, url: URL) {
  const storeOptions = await storeChoices(api)
  const read = readReportFilters(url.searchParams, storeDay(), storeOptions.map((store) => store.id))
  const store = storeOptions.find((candidate) => candidate.id === read.filters.storeId) ?? null
  return { ...read, storeOptions, store }
}

/**
 * Report routes also answer CSV, so their typed body is "JSON or text"; we
 * asked for JSON (the client's Accept), and anything else breaks the contract.
 */
async function jsonReport<T>(call: Promise<T>): Promise<Exclude<T, string>> {
  const body = await call
  if (typeof body === 'string') throw new TypeError('The API answered a report with text where JSON was asked for')
  return body as Exclude<T, string>
}

async function overview(api: ApiClient, filters: ReportFilters, topProducts: number) {
  const period = apiPeriodQuery(filters)
  const storeOnly = filters.storeId === null ? {} : { magasin_id: filters.storeId }
  const granularity = granularityFor(filters)
  const [kpis, series, stores, products, stock] = await Promise.all([
    jsonReport(ok(api.GET('/api/v1/reports/kpis', { params: { query: period } }))),
    jsonReport(ok(api.GET('/api/v1/reports/sales-by-period', { params: { query: { ...period, period: granularity } } }))),
    jsonReport(ok(api.GET('/api/v1/reports/store-performances', { params: { query: period } }))),
    jsonReport(ok(api.GET('/api/v1/reports/top-products', { params: { query: { ...period, limit: topProducts } } }))),
    jsonReport(ok(api.GET('/api/v1/reports/inventory', { params: { query: storeOnly } }))),
  ])
  return {
    granularity,
    kpis: kpiView(kpis),
    series: seriesView(series),
    stores: storesView(stores),
    products: productsView(products),
    stock: stockView(stock),
  }
}

export function loadDashboard(api: ApiClient, filters: ReportFilters) {
  return overview(api, filters, DASHBOARD_TOP_PRODUCTS)
}

/** The reports page: the dashboard's figures in full, plus the urgent replenishment list; long lists by page. */
export async function loadReport(api: ApiClient, filters: ReportFilters, pages: { series: number; urgent: number }) {
  const storeOnly = filters.storeId === null ? {} : { magasin_id: filters.storeId }
  const [figures, status, tenders] = await Promise.all([
    overview(api, filters, REPORT_TOP_PRODUCTS),
    jsonReport(ok(api.GET('/api/v1/reports/inventory-status', { params: { query: storeOnly } }))),
    jsonReport(ok(api.GET('/api/v1/reports/payments-by-tender', { params: { query: apiPeriodQuery(filters) } }))),
  ])
  return {
    ...figures,
    tenders: tendersView(tenders),
    topLimit: REPORT_TOP_PRODUCTS,
    seriesPage: pageOf(figures.series, pages.series, SERIES_PAGE_SIZE),
    urgent: pageOf(urgentView(status), pages.urgent, URGENT_PAGE_SIZE),
  }
}
