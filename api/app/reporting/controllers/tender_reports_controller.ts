import type { HttpContext } from '@adonisjs/core/http'
import { validateQuery } from '#core/validation'
import { bucketStart } from '#reporting/services/calendar'
import { boundedPeriod } from '#reporting/services/report_period'
import { reportStore, requestedStore } from '#reporting/services/report_scope'
import { sendReport } from '#reporting/services/report_response'
import { cachedReport } from '#reporting/services/report_cache'
import { tenderReport } from '#reporting/queries/tender_report'
import { tenderReportTable, tenderReportToWire } from '#reporting/transformers/tender_transformers'
import { periodStoreQuery } from '#reporting/validators/report_validators'

/** Money per tender (ADR 0017's "reports by tender"): what to reconcile with the card terminals and the bank. */
export default class TenderReportsController {
  async paymentsByTender(ctx: HttpContext) {
    const q = await validateQuery(periodStoreQuery, ctx)
    // Without dates, the current month up to today, like the sales report it sits beside.
    const range = boundedPeriod(q, (to) => bucketStart(to, 'month'))
    const storeId = await reportStore(ctx.principal, requestedStore(q))
    const body = await cachedReport('payments-by-tender', { ...range, storeId }, async () => tenderReportToWire(await tenderReport(range, storeId)))
    return sendReport(ctx, { name: 'payments-by-tender', format: q.format, body, toTable: tenderReportTable })
  }
}
