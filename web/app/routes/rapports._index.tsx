import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination, pageParam } from '~/components/pagination'
import { ChartFigure } from '~/components/reports/chart-figure'
import { KpiCards } from '~/components/reports/kpi-cards'
import { ReportFiltersForm } from '~/components/reports/report-filters'
import { ProductsTable, SeriesTable, StoresTable, TendersTable, rankingChart, revenueChart } from '~/components/reports/sales-tables'
import { StockTable, UrgentTable, stockChart } from '~/components/reports/stock-tables'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { formatDate, formatNumber, storeDay } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { CSV_REPORTS, SNAPSHOT_REPORTS, csvPath } from '~/lib/reports/csv'
import { filtersQuery, periodLabel, type ReportFilters } from '~/lib/reports/filters'
import { filtersFor, loadReport } from '~/lib/reports/reports.server'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { salesJournalHref } from '~/lib/sales-journal'
import reportStylesHref from '~/styles/reports.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportStylesHref }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.store ? pageTitle(matches, 'reports.titleStore', { store: data.store.name }) : pageTitle(matches, 'reports.titleGlobal') },
]

/** The original's report page (/rapport/), per store or for the whole network, with filters, charts and CSV. */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const url = new URL(args.request.url)
  return loading(async () => {
    const { filters, input, errors, storeOptions, store } = await filtersFor(api, url)
    const report = await loadReport(api, filters, { series: pageParam(url, 'jpage'), urgent: pageParam(url, 'rpage') })
    return { filters, input, errors, storeOptions, store, today: storeDay(), ...report }
  })
}

/** Downloads are of the dates shown (not "the last 7 days" of whenever the link is followed). */
function csvQuery(filters: ReportFilters): string {
  const params = new URLSearchParams({ du: filters.from, au: filters.to })
  if (filters.storeId !== null) params.set('magasin', String(filters.storeId))
  return params.toString()
}

export default function ReportsPage() {
  const data = useLoaderData<typeof loader>()
  const { filters, kpis, series, seriesPage, granularity, stores, products, stock, urgent } = data
  const t = useT()
  const period = periodLabel(t, filters)
  const scope = data.store ? data.store.name : t('reports.filters.allStores')
  const storeReport = (storeId: number) => `/rapports?${filtersQuery({ ...filters, storeId })}`
  const downloads = csvQuery(filters)

  return (
    <>
      <PageHeader
        title={data.store ? t('reports.titleStore', { store: data.store.name }) : t('reports.titleGlobal')}
        crumbs={[{ label: t('nav.reports') }]}
        lead={`${scope} · ${period}`}
        actions={
          <Link to={`/?${filtersQuery(filters)}`} className="btn btn-outline-primary">
            {t('dashboard.title')}
          </Link>
        }
      />
      <p className="small text-body-secondary" data-testid="generated-at">
        {t('reports.generatedAt', { when: formatDate(stock.generatedAt, { withTime: true }) })}
      </p>
      <ReportFiltersForm id="report-filters" filters={filters} input={data.input} errors={data.errors} stores={data.storeOptions} today={data.today} />
      {Object.keys(data.errors).length > 0 ? (
        <p className="alert alert-warning" role="alert">
          {t('reports.filters.refused', { period })}
        </p>
      ) : null}

      <section aria-labelledby="csv-heading" className="mb-4 d-print-none">
        <h2 id="csv-heading" className="h6">
          {t('reports.csv.heading')}
        </h2>
        <ul className="list-inline mb-1" data-testid="csv-links">
          {CSV_REPORTS.map((report) => (
            <li className="list-inline-item mb-2" key={report}>
              {/* A plain link: the file comes from a resource route, not a page. */}
              <a className="btn btn-sm btn-outline-secondary" href={csvPath(report, downloads)} download>
                {t(`reports.csv.${report}`)}
              </a>
            </li>
          ))}
        </ul>
        <p className="small text-body-secondary mb-0">
          {t('reports.csv.help', { snapshots: SNAPSHOT_REPORTS.map((report) => t(`reports.csv.${report}`)).join(', ') })}
        </p>
      </section>

      <KpiCards kpis={kpis} stockHref="#stock" salesHref={salesJournalHref(filters)} />

      <div className="d-grid gap-4 report-sections">
        <ChartFigure id="ventes" title={t(`dashboard.revenueBy.${granularity}`)} summary={t('reports.netRevenueNote')} chart={revenueChart(series, granularity, t)}>
          <SeriesTable points={seriesPage.items} granularity={granularity} />
          <Pagination page={seriesPage.page} size={seriesPage.size} total={seriesPage.total} param="jpage" label={t('reports.series.pages')} />
        </ChartFigure>

        {/* Figures to reconcile, not a trend: no chart. */}
        <ChartFigure id="modes" title={t('reports.tenders.title')} summary={t('reports.tenders.note')} chart={null}>
          <TendersTable {...data.tenders} />
        </ChartFigure>

        <ChartFigure
          id="magasins"
          title={t('reports.stores.title')}
          summary={t('reports.stores.ratingNote')}
          chart={rankingChart(stores.map((row) => ({ name: row.name, revenueCents: row.revenueCents })), t)}
        >
          {stores.length === 0 ? <EmptyState>{t('reports.stores.empty')}</EmptyState> : <StoresTable rows={stores} reportHref={storeReport} detailed />}
        </ChartFigure>

        <ChartFigure
          id="produits"
          title={t('reports.products.title', { count: formatNumber(data.topLimit) })}
          summary={t('reports.products.note')}
          chart={rankingChart(products.map((row) => ({ name: row.name, revenueCents: row.revenueCents })), t)}
        >
          {products.length === 0 ? <EmptyState>{t('reports.products.empty')}</EmptyState> : <ProductsTable rows={products} detailed />}
        </ChartFigure>

        <ChartFigure id="stock" title={t('dashboard.stockStatus')} summary={t('dashboard.stockSummary')} chart={stockChart(stock.locations, t)}>
          {stock.locations.length === 0 ? <EmptyState>{t('reports.stock.empty')}</EmptyState> : <StockTable rows={stock.locations} detailed />}
        </ChartFigure>

        <section id="reappro" aria-labelledby="urgent-heading">
          <h2 id="urgent-heading" className="h5">
            {t('reports.urgent.title')}
          </h2>
          {urgent.total === 0 ? (
            <EmptyState>{t('reports.urgent.empty')}</EmptyState>
          ) : (
            <>
              <UrgentTable rows={urgent.items} />
              <Pagination page={urgent.page} size={urgent.size} total={urgent.total} param="rpage" label={t('reports.urgent.pages')} />
            </>
          )}
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
