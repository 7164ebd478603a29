import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

import { formatChange, formatDayRange, formatMoney, formatNumber } from '~/lib/format'
import type { Comparison, KpiView } from '~/lib/reports/figures'
import { useT } from '~/lib/root-data'

function Trend({ comparison, format, previousLabel }: { comparison: Comparison; format: (value: number) => string; previousLabel: string }) {
  const t = useT()
  const tone = comparison.change === null || comparison.change === 0 ? 'text-body-secondary' : comparison.change > 0 ? 'text-success' : 'text-danger'
  return (
    <p className="small mb-0">
      <span className={`fw-semibold ${tone}`}>{formatChange(comparison.change)}</span>{' '}
      <span className="text-body-secondary">{t('reports.kpi.versus', { period: previousLabel, value: format(comparison.previous) })}</span>
    </p>
  )
}

function KpiCard({ testId, label, value, children }: { testId: string; label: string; value: string; children: ReactNode }) {
  return (
    <div className="col">
      <article className="card h-100 shadow-sm" data-testid={testId}>
        <div className="card-body">
          <h3 className="h6 text-body-secondary mb-1">{label}</h3>
          <p className="fs-3 fw-semibold mb-1 text-nowrap" data-testid={`${testId}-value`}>
            {value}
          </p>
          {children}
        </div>
      </article>
    </div>
  )
}

/**
 * The four head-office figures (chiffre d'affaires, transactions, ticket
 * moyen, alertes stock), each against the period before it.
 */
export function KpiCards({ kpis, stockHref, salesHref }: { kpis: KpiView; stockHref: string; salesHref: string }) {
  const t = useT()
  const previousLabel = formatDayRange(kpis.previousPeriod.from, kpis.previousPeriod.to)
  return (
    <section aria-labelledby="kpi-heading" className="mb-4">
      <h2 id="kpi-heading" className="visually-hidden">
        {t('reports.kpi.heading')}
      </h2>
      <div className="row row-cols-2 row-cols-lg-4 g-3">
        <KpiCard testId="kpi-revenue" label={t('reports.kpi.revenue')} value={formatMoney(kpis.revenue.value)}>
          <Trend comparison={kpis.revenue} format={formatMoney} previousLabel={previousLabel} />
        </KpiCard>
        <KpiCard testId="kpi-transactions" label={t('reports.kpi.transactions')} value={formatNumber(kpis.transactions.value)}>
          <Trend comparison={kpis.transactions} format={formatNumber} previousLabel={previousLabel} />
          <Link to={salesHref} className="small d-block mt-1">
            {t('sales.seeSales')}
          </Link>
        </KpiCard>
        {/* No sale, no average: "0,00 $ (−100 %)" read as a collapse of the basket, not an empty period. */}
        <KpiCard
          testId="kpi-average"
          label={t('reports.kpi.averageTicket')}
          value={kpis.transactions.value === 0 ? '—' : formatMoney(kpis.averageTicket.value)}
        >
          <Trend
            comparison={kpis.transactions.value === 0 ? { ...kpis.averageTicket, change: null } : kpis.averageTicket}
            format={formatMoney}
            previousLabel={previousLabel}
          />
        </KpiCard>
        <KpiCard testId="kpi-alerts" label={t('reports.kpi.alerts')} value={formatNumber(kpis.alerts.total)}>
          <p className="small text-body-secondary mb-1">
            {t('management.alertBreakdown', {
              ruptures: formatNumber(kpis.alerts.ruptures),
              critiques: formatNumber(kpis.alerts.critiques),
              faibles: formatNumber(kpis.alerts.faibles),
            })}
          </p>
          <Link to={stockHref} className="small">
            {t('reports.kpi.seeStock')}
          </Link>
        </KpiCard>
      </div>
    </section>
  )
}
