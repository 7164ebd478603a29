import type { LoaderFunctionArgs } from '@remix-run/node'

import { MANAGER_ROLES } from '~/lib/auth/roles'
import { storeDay } from '~/lib/format'
import { csvRefusal, isCsvReport } from '~/lib/reports/csv'
import { csvDownload } from '~/lib/reports/csv.server'
import { readReportFilters } from '~/lib/reports/filters'
import { loading, notFound, requireRole, signedIn } from '~/lib/request.server'

/**
 * A report as a CSV file (resource route: no page). The same filters as the
 * reports page (?du=&au=&magasin=); the API answers with the user's own
 * token, which stays on this server. Managers and admins only.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user, t } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const report = args.params.rapport
  if (!isCsvReport(report)) throw notFound()
  const { filters, errors } = readReportFilters(new URL(args.request.url).searchParams, storeDay())
  // A download link is built by the page; a refused filter here is a hand-made URL.
  if (Object.keys(errors).length > 0) {
    throw new Response(csvRefusal(t, errors), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return loading(() => csvDownload(api, report, filters))
}
