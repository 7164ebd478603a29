import type { HttpContext } from '@adonisjs/core/http'
import { validateQuery } from '#core/validation'
import { boundedPeriod } from '#reporting/services/report_period'
import { reportStore, requestedStore } from '#reporting/services/report_scope'
import { sendReport } from '#reporting/services/report_response'
import { cachedReport } from '#reporting/services/report_cache'
import { today } from '#reporting/services/calendar'
import {
  PERIOD_BUCKET,
  defaultSalesWindowStart,
  salesSeries,
  trendAnalysis,
  trendWindowStart,
} from '#reporting/queries/sales_series'
import { inventoryStatus } from '#reporting/queries/inventory'
import {
  inventoryStatusTable,
  inventoryStatusToWire,
  revenueTrendsTable,
  revenueTrendsToWire,
  salesByPeriodTable,
  salesByPeriodToWire,
} from '#reporting/transformers/series_transformers'
import {
  inventoryStatusQuery,
  revenueTrendsQuery,
  salesByPeriodQuery,
} from '#reporting/validators/report_validators'

/** The three routes the original left as stubs (always zero), now with real figures. */
export default class SeriesReportsController {
  async salesByPeriod(ctx: HttpContext) {
    const q = await validateQuery(salesByPeriodQuery, ctx)
    const bucket = PERIOD_BUCKET[q.period]
    const range = boundedPeriod(q, defaultSalesWindowStart(bucket))
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const body = await cachedReport('sales-by-period', { ...range, storeId, period: q.period }, async () =>
      salesByPeriodToWire(q.period, range, storeId, await salesSeries(range, storeId, bucket))
    )
    return sendReport(ctx, { name: 'sales-by-period', format: q.format, body, toTable: salesByPeriodTable })
  }

  async revenueTrends(ctx: HttpContext) {
    const q = await validateQuery(revenueTrendsQuery, ctx)
    const period = q.period ?? 'monthly'
    const monthsBack = q.months_back ?? 12
    const bucket = PERIOD_BUCKET[period]
    const range = boundedPeriod(q, trendWindowStart(bucket, monthsBack))
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    // `complete` depends on today: the key holds the day through the default window's end.
    const body = await cachedReport('revenue-trends', { ...range, storeId, period, monthsBack, today: today() }, async () => {
      const { buckets } = await salesSeries(range, storeId, bucket)
      return revenueTrendsToWire({ period, monthsBack, storeId, range }, buckets, trendAnalysis(buckets))
    })
    return sendReport(ctx, { name: 'revenue-trends', format: q.format, body, toTable: revenueTrendsTable })
  }

  async inventoryStatus(ctx: HttpContext) {
    const q = await validateQuery(inventoryStatusQuery, ctx)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const threshold = q.low_stock_threshold ?? null
    const status = await inventoryStatus(storeId, threshold)
    return sendReport(ctx, {
      name: 'inventory-status',
      format: q.format,
      body: inventoryStatusToWire(threshold, storeId, status),
      toTable: inventoryStatusTable,
    })
  }
}
