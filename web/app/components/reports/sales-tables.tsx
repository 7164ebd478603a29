import { Link } from '@remix-run/react'

import { NameText } from '~/components/name-text'
import { amountColumn } from '~/components/table-head'
import { formatMoney, formatNumber, formatSignedMoney } from '~/lib/format'
import type { Translate } from '~/lib/i18n/index'
import type { Granularity } from '~/lib/reports/filters'
import { averageTicketText, bucketLabel } from '~/lib/reports/series-labels'
import type { PerformanceRating, ProductRow, SeriesPoint, StoreRow, TendersView } from '~/lib/reports/figures'
import { storeRegistersPath } from '~/lib/paths'
import { useT } from '~/lib/root-data'

import type { ChartSpec } from './charts.client'
import { ReportTable } from './report-table'

export function revenueChart(points: SeriesPoint[], granularity: Granularity, t: Translate): ChartSpec {
  return {
    kind: 'revenue',
    points: points.map((point) => ({
      label: bucketLabel(point, granularity, t, true),
      revenueCents: point.revenueCents,
      salesText: t('reports.salesCount', { count: formatNumber(point.sales) }),
    })),
    revenueLabel: t('reports.revenue'),
  }
}

export function rankingChart(rows: { name: string; revenueCents: number }[], t: Translate): ChartSpec | null {
  return rows.length === 0 ? null : { kind: 'ranking', rows: rows.map(({ name, revenueCents }) => ({ name, revenueCents })), revenueLabel: t('reports.revenue') }
}

export function SeriesTable({ points, granularity }: { points: SeriesPoint[]; granularity: Granularity }) {
  const t = useT()
  return (
    <ReportTable
      testId="series-table"
      caption={t('reports.series.caption')}
      columns={[
        t('reports.period'),
        amountColumn(t('reports.sales')),
        amountColumn(t('reports.revenue')),
        amountColumn(t('reports.averageTicket')),
      ]}
    >
      {points.map((point) => (
        <tr key={point.start}>
          <th scope="row" className="fw-normal">{bucketLabel(point, granularity, t)}</th>
          <td className="amount">{formatNumber(point.sales)}</td>
          <td className="amount">{formatMoney(point.revenueCents)}</td>
          <td className="amount">{averageTicketText(point)}</td>
        </tr>
      ))}
    </ReportTable>
  )
}

const RATING_CLASS: Record<PerformanceRating, string> = {
  Excellent: 'text-bg-success',
  Good: 'text-bg-primary',
  Average: 'text-bg-warning',
  Poor: 'text-bg-secondary',
}

/**
 * Stores by net revenue. Each name opens that store's report for the same
 * period (`reportHref`); `detailed` adds refunds and the rating.
 */
export function StoresTable({ rows, reportHref, detailed = false }: { rows: StoreRow[]; reportHref: (storeId: number) => string; detailed?: boolean }) {
  const t = useT()
  return (
    <ReportTable
      testId="stores-table"
      caption={t('reports.stores.caption')}
      columns={[
        t('reports.store'),
        amountColumn(t('reports.revenue')),
        amountColumn(t('reports.sales')),
        amountColumn(t('reports.averageTicket')),
        detailed && amountColumn(t('reports.refunds')),
        detailed && t('reports.rating'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.storeId} data-testid={`store-row-${row.storeId}`}>
          <th scope="row" className="fw-normal">
            <Link to={reportHref(row.storeId)}>{row.name}</Link>
            {detailed ? (
              <>
                {' '}
                <Link to={storeRegistersPath(row.storeId)} className="small text-body-secondary" aria-label={t('reports.storePageOf', { store: row.name })}>
                  {t('reports.storePage')}
                </Link>
              </>
            ) : null}
          </th>
          <td className="amount">{formatMoney(row.revenueCents)}</td>
          <td className="amount">{formatNumber(row.sales)}</td>
          <td className="amount">{averageTicketText(row)}</td>
          {detailed ? <td className="amount">{formatMoney(row.refundsCents)}</td> : null}
          {detailed ? (
            <td>
              {row.rating ? <span className={`badge ${RATING_CLASS[row.rating]}`}>{t(`reports.rating.${row.rating}`)}</span> : '—'}
            </td>
          ) : null}
        </tr>
      ))}
    </ReportTable>
  )
}

export function ProductsTable({ rows, detailed = false }: { rows: ProductRow[]; detailed?: boolean }) {
  const t = useT()
  return (
    <ReportTable
      testId="products-table"
      caption={t('reports.products.caption')}
      columns={[
        amountColumn(t('reports.rank')),
        t('reports.product'),
        amountColumn(t('reports.quantity')),
        detailed && amountColumn(t('reports.orders')),
        detailed && amountColumn(t('reports.returned')),
        amountColumn(t('reports.revenue')),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.productId} data-testid={`product-row-${row.code}`}>
          <td className="amount">{row.rank}</td>
          <th scope="row" className="fw-normal pos-product-name">
            <NameText text={row.name} /> <code className="small">{row.code}</code>
          </th>
          <td className="amount">{formatNumber(row.quantity)}</td>
          {detailed ? <td className="amount">{formatNumber(row.orders)}</td> : null}
          {detailed ? <td className="amount">{formatNumber(row.returned)}</td> : null}
          <td className="amount">{formatMoney(row.revenueCents)}</td>
        </tr>
      ))}
    </ReportTable>
  )
}

/** Each tender's takings, refunds and net over the period, and the three together (the KPIs' revenue is not that: it is before tax). */
export function TendersTable({ rows, total, cashRoundingCents }: TendersView) {
  const t = useT()
  return (
    <>
      <ReportTable
        testId="tenders-table"
        caption={t('reports.tenders.caption')}
        columns={[t('reports.tenders.tender'), amountColumn(t('reports.tenders.taken')), amountColumn(t('reports.tenders.refunded')), amountColumn(t('reports.tenders.net'))]}
        footer={
          <tr className="fw-semibold" data-testid="tender-total">
            <th scope="row">{t('reports.tenders.total')}</th>
            <td className="amount">{formatMoney(total.takenCents)}</td>
            <td className="amount">{formatMoney(total.refundedCents)}</td>
            <td className="amount">{formatMoney(total.netCents)}</td>
          </tr>
        }
      >
        {rows.map((row) => (
          <tr key={row.tender} data-testid={`tender-${row.tender}`}>
            <th scope="row" className="fw-normal">
              {t(`receipt.mode.${row.tender}`)}
            </th>
            <td className="amount">{formatMoney(row.takenCents)}</td>
            <td className="amount">{formatMoney(row.refundedCents)}</td>
            <td className="amount">{formatMoney(row.netCents)}</td>
          </tr>
        ))}
      </ReportTable>
      {cashRoundingCents !== 0 ? (
        <p className="small text-body-secondary mb-0" data-testid="tender-cash-rounding">
          {t('reports.tenders.cashRounding', { amount: formatSignedMoney(cashRoundingCents) })}
        </p>
      ) : null}
    </>
  )
}
