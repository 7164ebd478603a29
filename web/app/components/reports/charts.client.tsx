// The report charts (recharts). Browser only (`.client`): recharts draws its
// SVG after measuring the page, so the server has nothing to render; the
// figures are in the table under each chart for everyone (and without
// JavaScript, the table is what shows). Loaded lazily by ChartFigure, so
// pages without charts never download recharts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { formatMoney, formatMoneyCompact, formatNumber } from '~/lib/format'
import { STOCK_STATUSES, type StockStatus } from '~/lib/stock'

/** Bootstrap's colours, as the status badges use them. */
const COLORS = {
  revenue: '#0d6efd',
  rupture: '#dc3545',
  critique: '#ffc107',
  faible: '#0dcaf0',
  normal: '#198754',
} as const

export type ChartSpec =
  | { kind: 'revenue'; points: { label: string; revenueCents: number; sales: number }[]; revenueLabel: string; salesLabel: string }
  | { kind: 'ranking'; rows: { name: string; revenueCents: number }[]; revenueLabel: string }
  | { kind: 'stock'; rows: ({ name: string } & Record<StockStatus, number>)[]; statusLabels: Record<StockStatus, string> }

const moneyTooltip = (value: unknown) => formatMoney(Number(value))
const AXIS_TICK = { fontSize: 12 }
/** Room for a store or product name beside a horizontal bar. */
const NAME_AXIS_WIDTH = 150
const BAR_ROW_HEIGHT = 36

export default function ReportChart({ spec }: { spec: ChartSpec }) {
  switch (spec.kind) {
    case 'revenue':
      return (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={spec.points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={12} />
            <YAxis tickFormatter={(value: number) => formatMoneyCompact(value)} tick={AXIS_TICK} width={64} />
            <Tooltip
              formatter={(value, _name, item) => [
                `${formatMoney(Number(value))} · ${formatNumber((item.payload as { sales: number }).sales)} ${spec.salesLabel}`,
                spec.revenueLabel,
              ]}
            />
            <Bar dataKey="revenueCents" name={spec.revenueLabel} fill={COLORS.revenue} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )
    case 'ranking':
      return (
        <ResponsiveContainer width="100%" height={Math.max(120, spec.rows.length * BAR_ROW_HEIGHT + 40)}>
          <BarChart data={spec.rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(value: number) => formatMoneyCompact(value)} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} tick={AXIS_TICK} />
            <Tooltip formatter={(value) => [moneyTooltip(value), spec.revenueLabel]} />
            <Bar dataKey="revenueCents" name={spec.revenueLabel} fill={COLORS.revenue} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )
    case 'stock':
      return (
        <ResponsiveContainer width="100%" height={Math.max(140, spec.rows.length * BAR_ROW_HEIGHT + 70)}>
          <BarChart data={spec.rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} tick={AXIS_TICK} />
            <Tooltip formatter={(value, name) => [formatNumber(Number(value)), name]} />
            {/* In status order (not alphabetical), in the text colour (yellow text is unreadable). */}
            <Legend itemSorter={null} formatter={(value) => <span className="text-body">{value}</span>} />
            {STOCK_STATUSES.map((status) => (
              <Bar key={status} dataKey={status} stackId="stock" name={spec.statusLabels[status]} fill={COLORS[status]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )
  }
}
