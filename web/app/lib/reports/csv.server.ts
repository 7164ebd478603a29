// CSV downloads of the reports: the API builds the CSV (`format=csv`, with
// its own protection against spreadsheet formulas), the web server streams
// it through, so the user's API token never leaves the server.
import { ok, type ApiClient } from '../api/client.server.ts'
import { storeDay } from '../format.ts'
import type { Lang } from '../i18n/index.ts'
import { csvFileName, type CsvReport } from './csv.ts'
import { apiPeriodQuery, type ReportFilters } from './filters.ts'

/**
 * The file is read in a spreadsheet: in French, one set to French (semicolons, decimal commas —
 * Excel in French put each comma-separated line in one cell); in English, the standard CSV.
 */
function csvFormatFor(lang: Lang) {
  return lang === 'fr' ? ('csv-fr' as const) : ('csv' as const)
}

function request(api: ApiClient, report: CsvReport, filters: ReportFilters, lang: Lang) {
  const format = csvFormatFor(lang)
  const period = { ...apiPeriodQuery(filters), format }
  const store = { ...(filters.storeId === null ? {} : { magasin_id: filters.storeId }), format }
  const stream = { parseAs: 'stream' as const }
  switch (report) {
    case 'indicateurs':
      return api.GET('/api/v1/reports/kpis', { params: { query: period }, ...stream })
    case 'ventes':
      return api.GET('/api/v1/reports/sales', { params: { query: period }, ...stream })
    case 'modes':
      return api.GET('/api/v1/reports/payments-by-tender', { params: { query: period }, ...stream })
    case 'magasins':
      return api.GET('/api/v1/reports/store-performances', { params: { query: period }, ...stream })
    case 'produits':
      return api.GET('/api/v1/reports/top-products', { params: { query: { ...period, limit: 50 } }, ...stream })
    case 'inventaire':
      return api.GET('/api/v1/reports/inventory', { params: { query: store }, ...stream })
    case 'reappro':
      return api.GET('/api/v1/reports/inventory-status', { params: { query: store }, ...stream })
  }
}

// A byte order mark first: Excel reads a CSV without one in the system's code
// page, and a manager would see "PÃ¢tes". Integrators calling the API get none.
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf])

function withByteOrderMark(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        controller.enqueue(UTF8_BOM)
      },
    })
  )
}

/** The API's CSV for these filters, as a download (ApiError when the API refuses). */
export async function csvDownload(api: ApiClient, report: CsvReport, filters: ReportFilters, lang: Lang): Promise<Response> {
  const body = await ok(request(api, report, filters, lang))
  return new Response(body ? withByteOrderMark(body) : null, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(report, filters, storeDay())}"`,
      // Figures of a signed-in user: never kept by a shared cache.
      'Cache-Control': 'private, no-store',
    },
  })
}
