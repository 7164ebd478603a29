import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useNavigation } from '@remix-run/react'

import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { ChartFigure } from '~/components/reports/chart-figure'
import { KpiCards } from '~/components/reports/kpi-cards'
import { ReportFiltersForm } from '~/components/reports/report-filters'
import { ProductsTable, SeriesTable, StoresTable, rankingChart, revenueChart } from '~/components/reports/sales-tables'
import { StockTable, stockChart } from '~/components/reports/stock-tables'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES, hasRole } from '~/lib/auth/roles'
import { storeDay } from '~/lib/format'
import { pageTitle } from '~/lib/meta'
import { homeFor } from '~/lib/nav'
import { filtersQuery, periodLabel, type ReportFilters } from '~/lib/reports/filters'
import { filtersFor, loadDashboard } from '~/lib/reports/reports.server'
import { forbidden, loading, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'
import { salesJournalHref } from '~/lib/sales-journal'
import reportStylesHref from '~/styles/reports.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportStylesHref }]

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, 'dashboard.title') }]

const FILTER_PARAMS = ['du', 'au', 'periode', 'magasin']

/**
 * The front door. Managers and admins get the head-office dashboard; a
 * clerk's day starts at their store's registers, so `/` sends them there —
 * but a dashboard URL (one with filters, say a link a manager shared) is
 * refused outright rather than silently replaced by another page.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  const url = new URL(args.request.url)
  if (!hasRole(user, MANAGER_ROLES)) {
    if (FILTER_PARAMS.some((name) => url.searchParams.has(name))) throw forbidden('role')
    const home = homeFor(user)
    const target = home === '/' ? '/magasins' : home
    // A language asked for here goes along: this redirect drops the cookie the root would have set.
    const lang = url.searchParams.get('lang')
    throw redirect(lang === null ? target : `${target}?${new URLSearchParams({ lang })}`)
  }
  return loading(async () => {
    const { filters, input, errors, storeOptions, store } = await filtersFor(api, url)
    const figures = await loadDashboard(api, filters)
    return { filters, input, errors, storeOptions, store, today: storeDay(), ...figures }
  })
}

function reportsHref(filters: ReportFilters, hash = '') {
  const query = filtersQuery(filters)
  return `/rapports${query ? `?${query}` : ''}${hash}`
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>()
  const { filters, kpis, series, granularity, stores, products, stock } = data
  const t = useT()
  const navigation = useNavigation()
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/'
  const scope = data.store ? data.store.name : t('reports.filters.allStores')
  const period = periodLabel(t, filters)
  const storeReport = (storeId: number) => reportsHref({ ...filters, storeId })
  const hasErrors = Object.keys(data.errors).length > 0

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        lead={`${scope} · ${period}`}
        actions={
          <Link to={reportsHref(filters)} className="btn btn-outline-primary">
            {t('dashboard.fullReport')}
          </Link>
        }
      />
      <ReportFiltersForm id="dashboard-filters" filters={filters} input={data.input} errors={data.errors} stores={data.storeOptions} today={data.today} />
      {hasErrors ? (
        <p className="alert alert-warning" role="alert">
          {t('reports.filters.refused', { period })}
        </p>
      ) : null}

      <div aria-busy={busy || undefined} data-testid="dashboard">
        <KpiCards kpis={kpis} stockHref={reportsHref(filters, '#stock')} salesHref={salesJournalHref(filters)} />

        {/* 7/5, not 8/4: at 1 280 px a third of the row clipped the stock table's last status column. */}
        <div className="row g-3 mb-3">
          <div className="col-lg-7">
            <ChartFigure
              id="chart-revenue"
              title={t(`dashboard.revenueBy.${granularity}`)}
              summary={t('reports.netRevenueNote')}
              chart={revenueChart(series, granularity, t)}
              collapsed
            >
              <SeriesTable points={series} granularity={granularity} />
            </ChartFigure>
          </div>
          <div className="col-lg-5">
            <ChartFigure id="chart-stock" title={t('dashboard.stockStatus')} summary={t('dashboard.stockSummary')} chart={stockChart(stock.locations, t)} collapsed>
              {stock.locations.length === 0 ? <EmptyState>{t('reports.stock.empty')}</EmptyState> : <StockTable rows={stock.locations} />}
            </ChartFigure>
          </div>
        </div>

        <div className="row g-3">
          <div className="col-lg-6">
            <ChartFigure
              id="chart-stores"
              title={t('dashboard.revenueByStore')}
              summary={<Link to={reportsHref(filters, '#magasins')}>{t('dashboard.storesDetails')}</Link>}
              chart={rankingChart(stores.map((row) => ({ name: row.name, revenueCents: row.revenueCents })), t)}
              collapsed
            >
              {stores.length === 0 ? <EmptyState>{t('reports.stores.empty')}</EmptyState> : <StoresTable rows={stores} reportHref={storeReport} />}
            </ChartFigure>
          </div>
          <div className="col-lg-6">
            <ChartFigure
              id="chart-products"
              title={t('dashboard.topProducts')}
              summary={<Link to={reportsHref(filters, '#produits')}>{t('dashboard.productsDetails')}</Link>}
              chart={rankingChart(products.map((row) => ({ name: row.name, revenueCents: row.revenueCents })), t)}
              collapsed
            >
              {products.length === 0 ? <EmptyState>{t('reports.products.empty')}</EmptyState> : <ProductsTable rows={products} />}
            </ChartFigure>
          </div>
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
