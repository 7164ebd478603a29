import type { HttpContext } from '@adonisjs/core/http'
import { validateBody, validateQuery } from '#core/validation'
import { bucketStart } from '#reporting/services/calendar'
import { boundedPeriod, requiredPeriod } from '#reporting/services/report_period'
import { assertProductsExist, reportStore, reportStores, requestedStore } from '#reporting/services/report_scope'
import { csvDialect, sendReport } from '#reporting/services/report_response'
import { cachedReport } from '#reporting/services/report_cache'
import { kpiFigures, salesReport } from '#reporting/queries/sales_report'
import { stockByLocation } from '#reporting/queries/inventory'
import { customReport } from '#reporting/queries/custom_report'
import {
  customReportTable,
  customReportToWire,
  inventoryReportTable,
  inventoryReportToWire,
  kpisTable,
  kpisToWire,
  salesReportTable,
  salesReportToWire,
} from '#reporting/transformers/readme_transformers'
import {
  customReportBody,
  formatQuery,
  inventoryReportQuery,
  periodStoreQuery,
} from '#reporting/validators/report_validators'

/** Without dates, the sales report and the KPIs cover the current month up to today. */
const monthToDate = (to: string) => bucketStart(to, 'month')

/** The report routes the original README documented but never had. */
export default class ReadmeReportsController {
  async sales(ctx: HttpContext) {
    const q = await validateQuery(periodStoreQuery, ctx)
    const range = boundedPeriod(q, monthToDate)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const withCells = csvDialect(ctx, q.format) !== null
    const report = await cachedReport('sales', { ...range, storeId, withCells }, () => salesReport(range, storeId, withCells))
    // The CSV is the (day, store) grain the JSON's per-store and per-day views are added up from.
    return sendReport(ctx, { name: 'sales', format: q.format, body: salesReportToWire(report), toTable: () => salesReportTable(report) })
  }

  async inventory(ctx: HttpContext) {
    const q = await validateQuery(inventoryReportQuery, ctx)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const locations = await stockByLocation(storeId)
    return sendReport(ctx, {
      name: 'inventory',
      format: q.format,
      body: inventoryReportToWire(storeId, locations),
      toTable: inventoryReportTable,
    })
  }

  async kpis(ctx: HttpContext) {
    const q = await validateQuery(periodStoreQuery, ctx)
    const range = boundedPeriod(q, monthToDate)
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const figures = await cachedReport('kpis', { ...range, storeId }, () => kpiFigures(range, storeId))
    const locations = await stockByLocation(storeId) // stock alerts: live, never cached
    const stock = locations.reduce(
      (sum, l) => ({
        rupture: sum.rupture + l.statuses.rupture,
        critique: sum.critique + l.statuses.critique,
        faible: sum.faible + l.statuses.faible,
        normal: sum.normal + l.statuses.normal,
      }),
      { rupture: 0, critique: 0, faible: 0, normal: 0 }
    )
    return sendReport(ctx, {
      name: 'kpis',
      format: q.format,
      body: kpisToWire({ range, storeId, stock, ...figures }),
      toTable: kpisTable,
    })
  }

  async custom(ctx: HttpContext) {
    const { format } = await validateQuery(formatQuery, ctx)
    const input = await validateBody(customReportBody, ctx)
    const range = requiredPeriod(input)
    const storeIds = await reportStores(ctx.principal, input.magasin_ids)
    const productIds = await assertProductsExist(input.produit_ids)
    const { rows, totals } = await cachedReport(
      'custom',
      { ...range, storeIds: storeIds ?? undefined, productIds: productIds ?? undefined, grouping: input.grouper_par },
      () => customReport(range, storeIds, productIds, input.grouper_par)
    )
    const body = customReportToWire({ range, storeIds, productIds, grouping: input.grouper_par, totals, rows })
    return sendReport(ctx, { name: 'custom-report', format, body, toTable: customReportTable })
  }
}
