import type { LoaderFunctionArgs } from '@remix-run/node'

import { MANAGER_ROLES } from '~/lib/auth/roles'
import { storeDay } from '~/lib/format'
import { csvErrorText, csvRefusal, isCsvReport } from '~/lib/reports/csv'
import { csvDownload } from '~/lib/reports/csv.server'
import { readReportFilters } from '~/lib/reports/filters'
import { loading, notFound, requireRole, signedIn } from '~/lib/request.server'

/**
 * A report as a CSV file (resource route: no page). The same filters as the
 * reports page (?du=&au=&magasin=); the API answers with the user's own
 * token, which stays on this server. Managers and admins only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user, t, lang } = await signedIn(args)
  try {
    requireRole(user, MANAGER_ROLES)
    const report = args.params.rapport
    if (!isCsvReport(report)) throw notFound()
    const { filters, errors } = readReportFilters(new URL(args.request.url).searchParams, storeDay())
    // A download link is built by the page; a refused filter here is a hand-made URL.
    if (Object.keys(errors).length > 0) return plainText(csvRefusal(t, errors), 400)
    return await loading(() => csvDownload(api, report, filters, lang))
  } catch (error) {
    // No error page for a resource route: the reason, in the reader's language.
    if (error instanceof Response && error.status >= 400) return plainText(csvErrorText(t, error.status), error.status)
    throw error
  }
}

function plainText(body: string, status: number): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}
