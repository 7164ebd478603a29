import { Link } from '@remix-run/react'

import { NameText } from '~/components/name-text'
import { StockStatusBadge } from '~/components/status-badge'
import { amountColumn } from '~/components/table-head'
import { formatMoney, formatNumber } from '~/lib/format'
import type { Translate } from '~/lib/i18n/index'
import type { LocationStockRow, UrgentRow } from '~/lib/reports/figures'
import { storeStockPath } from '~/lib/paths'
import { STOCK_STATUSES } from '~/lib/stock'
import { useT } from '~/lib/root-data'

import type { ChartSpec } from './charts.client'
import { ReportTable } from './report-table'

export function stockChart(locations: LocationStockRow[], t: Translate): ChartSpec | null {
  if (locations.length === 0) return null
  return {
    kind: 'stock',
    rows: locations.map((location) => ({ name: location.name, ...location.counts })),
    statusLabels: {
      rupture: t('stock.status.rupture'),
      critique: t('stock.status.critique'),
      faible: t('stock.status.faible'),
      normal: t('stock.status.normal'),
    },
  }
}

/** A store's name opens its stock page (filtered on a status when given); the warehouse is plain text. */
function LocationName({ storeId, name, status }: { storeId: number | null; name: string; status?: string }) {
  if (storeId === null) return <>{name}</>
  const query = status ? `?statut=${status}` : ''
  return <Link to={`${storeStockPath(storeId)}${query}`}>{name}</Link>
}

/**
 * Products per stock status at each location (stores and the central
 * warehouse), now. Compact (the dashboard's narrow column): the alert
 * statuses only; `detailed` adds the normal ones, units and value.
 */
export function StockTable({ rows, detailed = false }: { rows: LocationStockRow[]; detailed?: boolean }) {
  const t = useT()
  const statuses = detailed ? STOCK_STATUSES : STOCK_STATUSES.filter((status) => status !== 'normal')
  return (
    <ReportTable
      testId="stock-status-table"
      caption={t('reports.stock.caption')}
      columns={[
        t('reports.location'),
        ...statuses.map((status) => amountColumn(t(`stock.status.${status}`))),
        detailed && amountColumn(t('reports.units')),
        detailed && amountColumn(t('reports.stockValue')),
      ]}
    >
      {rows.map((row) => (
        <tr key={`${row.storeId ?? 'entrepot'}-${row.name}`}>
          <th scope="row" className="fw-normal">
            <LocationName storeId={row.storeId} name={row.name} />
          </th>
          {statuses.map((status) => (
            <td className="amount" key={status}>
              {formatNumber(row.counts[status])}
            </td>
          ))}
          {detailed ? <td className="amount">{formatNumber(row.quantity)}</td> : null}
          {detailed ? <td className="amount">{formatMoney(row.valueCents)}</td> : null}
        </tr>
      ))}
    </ReportTable>
  )
}

/** Levels out of stock or at/below their reorder point: what to replenish first. */
export function UrgentTable({ rows }: { rows: UrgentRow[] }) {
  const t = useT()
  return (
    <ReportTable
      testId="urgent-table"
      caption={t('reports.urgent.caption')}
      className="table-responsive bg-body rounded-3 shadow-sm"
      columns={[
        t('pos.search.code'),
        t('reports.product'),
        t('reports.location'),
        amountColumn(t('stock.quantity')),
        amountColumn(t('stock.reorderPoint')),
        t('stock.status'),
      ]}
    >
      {rows.map((row) => (
        <tr key={`${row.storeId ?? 'entrepot'}-${row.productId}`}>
          <td>
            <code>{row.code}</code>
          </td>
          <th scope="row" className="fw-normal pos-product-name">
            <NameText text={row.name} />
          </th>
          <td>
            <LocationName storeId={row.storeId} name={row.location} status={row.status} />
          </td>
          <td className="amount">{formatNumber(row.quantity)}</td>
          <td className="amount">{formatNumber(row.reorderPoint)}</td>
          <td>
            <StockStatusBadge status={row.status} />
          </td>
        </tr>
      ))}
    </ReportTable>
  )
}
