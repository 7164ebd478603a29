import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { wireToCents } from '#core/money'
import { validateQuery } from '#core/validation'
import { assertStoreAccess } from '#access/policies'
import { storeList } from '#reporting/services/figures'
import { openPeriod, type PeriodInput } from '#reporting/services/report_period'
import { reportStore, requestedStore, visibleStores } from '#reporting/services/report_scope'
import { sendReport, type ReportFormat } from '#reporting/services/report_response'
import { cachedReport } from '#reporting/services/report_cache'
import { registerTotals } from '#reporting/queries/register_figures'
import { storeFigures } from '#reporting/queries/store_performance'
import { productFigures } from '#reporting/queries/top_products'
import {
  businessInsightsToWire,
  globalSummaryToWire,
  insightsTable,
  productsTable,
  storePerformanceToWire,
  storesTable,
  storeTable,
  summaryTable,
  topProductToWire,
} from '#reporting/transformers/performance_transformers'
import {
  periodQuery,
  periodStoreQuery,
  productRankingQuery,
  storeIdParams,
  storesPerformanceQuery,
  topStoresQuery,
  underperformingQuery,
} from '#reporting/validators/report_validators'

/** The original API's report routes, now on rollups, with working filters. */
export default class PerformanceReportsController {
  async globalSummary(ctx: HttpContext) {
    const q = await validateQuery(periodStoreQuery, ctx)
    const range = openPeriod(q)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const body = await cachedReport('global-summary', { ...range, storeId }, async () =>
      globalSummaryToWire(await registerTotals({ range, storeIds: storeList(storeId) }))
    )
    return sendReport(ctx, { name: 'global-summary', format: q.format, body, toTable: summaryTable })
  }

  async storePerformances(ctx: HttpContext) {
    const q = await validateQuery(periodStoreQuery, ctx)
    const range = openPeriod(q)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const body = await cachedReport('store-performances', { ...range, storeId }, async () => {
      const stores = await storeFigures({ range, storeIds: storeList(storeId) }, { onlyStoreId: storeId, order: 'best' })
      return stores.map(storePerformanceToWire)
    })
    return sendReport(ctx, { name: 'store-performances', format: q.format, body, toTable: storesTable })
  }

  async topStores(ctx: HttpContext) {
    const q = await validateQuery(topStoresQuery, ctx)
    return this.rankedStores(ctx, 'top-stores', q, q.limit ?? 5)
  }

  async storesPerformance(ctx: HttpContext) {
    const q = await validateQuery(storesPerformanceQuery, ctx)
    return this.rankedStores(ctx, 'stores-performance', q, q.limit ?? 10)
  }

  async underperformingStores(ctx: HttpContext) {
    const q = await validateQuery(underperformingQuery, ctx)
    const range = openPeriod(q)
    const only = visibleStores(ctx.principal)
    const belowCents = wireToCents(q.threshold ?? '1000')!
    const body = await cachedReport('underperforming-stores', { ...range, storeId: only, belowCents }, async () => {
      const stores = await storeFigures({ range, storeIds: storeList(only) }, { onlyStoreId: only, order: 'worst', belowCents })
      return stores.map(storePerformanceToWire)
    })
    return sendReport(ctx, { name: 'underperforming-stores', format: q.format, body, toTable: storesTable })
  }

  async topProducts(ctx: HttpContext) {
    return this.rankedProducts(ctx, 'top-products', 'revenue')
  }

  async productsByRevenue(ctx: HttpContext) {
    return this.rankedProducts(ctx, 'products-by-revenue', 'revenue')
  }

  async productsByVolume(ctx: HttpContext) {
    return this.rankedProducts(ctx, 'products-by-volume', 'volume')
  }

  async businessInsights(ctx: HttpContext) {
    const q = await validateQuery(periodQuery, ctx)
    const range = openPeriod(q)
    const only = visibleStores(ctx.principal)
    const filter = { range, storeIds: storeList(only) }
    const body = await cachedReport('business-insights', { ...range, storeId: only }, async () => {
      const summary = await registerTotals(filter)
      const stores = await storeFigures(filter, { onlyStoreId: only, order: 'best' })
      return businessInsightsToWire(summary, stores)
    })
    return sendReport(ctx, { name: 'business-insights', format: q.format, body, toTable: insightsTable })
  }

  async storePerformance(ctx: HttpContext) {
    const { id } = await storeIdParams.validate(ctx.params)
    const q = await validateQuery(periodQuery, ctx)
    const range = openPeriod(q)
    assertStoreAccess(ctx.principal, id)
    const body = await cachedReport('store-performance', { ...range, storeId: id }, async () => {
      const [store] = await storeFigures({ range, storeIds: [id] }, { onlyStoreId: id, order: 'best' })
      if (!store) throw ApiError.notFound('Store', id)
      return storePerformanceToWire(store)
    })
    return sendReport(ctx, { name: `store-${id}-performance`, format: q.format, body, toTable: storeTable })
  }

  private async rankedStores(ctx: HttpContext, name: string, q: PeriodInput & { format?: ReportFormat }, limit: number) {
    const range = openPeriod(q)
    const only = visibleStores(ctx.principal)
    const body = await cachedReport('ranked-stores', { ...range, storeId: only, limit }, async () => {
      const stores = await storeFigures({ range, storeIds: storeList(only) }, { onlyStoreId: only, order: 'best', limit })
      return stores.map(storePerformanceToWire)
    })
    return sendReport(ctx, { name, format: q.format, body, toTable: storesTable })
  }

  private async rankedProducts(ctx: HttpContext, name: string, order: 'revenue' | 'volume') {
    const q = await validateQuery(productRankingQuery, ctx)
    const range = openPeriod(q)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const limit = q.limit ?? 10
    const body = await cachedReport(`products-by-${order}`, { ...range, storeId, limit }, async () => {
      const products = await productFigures({ range, storeIds: storeList(storeId) }, { order, limit })
      return products.map(topProductToWire)
    })
    return sendReport(ctx, { name, format: q.format, body, toTable: productsTable })
  }
}
