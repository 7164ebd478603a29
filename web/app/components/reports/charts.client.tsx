// The report charts (recharts). Browser only (`.client`): recharts draws its
// SVG after measuring the page, so the server has nothing to render; the
// figures are in the table under each chart for everyone (and without
// JavaScript, the table is what shows). Loaded lazily by ChartFigure, so
// pages without charts never download recharts.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { formatMoney, formatMoneyCompact, formatNumber } from '~/lib/format'
import { moneyTicks } from '~/lib/reports/axis'
import { STOCK_STATUSES, type StockStatus } from '~/lib/stock'

/** Bootstrap's colours, as the status badges use them. */
const COLORS = {
  revenue: '#0a58ca',
  rupture: '#b02a37',
  critique: '#ffc107',
  faible: '#0dcaf0',
  normal: '#146c43',
} as const

export type ChartSpec =
  | { kind: 'revenue'; points: { label: string; revenueCents: number; salesText: string }[]; revenueLabel: string }
  | { kind: 'ranking'; rows: { name: string; revenueCents: number }[]; revenueLabel: string }
  | { kind: 'stock'; rows: ({ name: string } & Record<StockStatus, number>)[]; statusLabels: Record<StockStatus, string> }

const moneyTooltip = (value: unknown) => formatMoney(Number(value))
const AXIS_TICK = { fontSize: 12 }
/*
 * A money axis in cents, on round ticks (lib/reports/axis.ts): from the lowest bar or 0 (a day
 * with more refunds than sales has a negative net revenue) to the first tick past the highest,
 * at least 0–4 $. Recharts' own ticks split the data's maximum evenly: « 0 $, 9 $, 18 $, 27 $, 34,1 $ ».
 */
function moneyAxis(values: number[]) {
  const ticks = moneyTicks(values)
  return {
    domain: [ticks[0] ?? 0, ticks.at(-1) ?? 0] as [number, number],
    ticks,
    allowDecimals: false,
    tickFormatter: (value: number) => formatMoneyCompact(value),
  }
}

/** Room for a store or product name beside a horizontal bar. */
const NAME_AXIS_WIDTH = 150
const BAR_ROW_HEIGHT = 36

// accessibilityLayer off: the chart is hidden from screen readers (its table says the same), so no keyboard stop inside it either.
export default function ReportChart({ spec }: { spec: ChartSpec }) {
  switch (spec.kind) {
    case 'revenue':
      return (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart accessibilityLayer={false} data={spec.points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={12} />
            <YAxis {...moneyAxis(spec.points.map((point) => point.revenueCents))} tick={AXIS_TICK} width={64} />
            <Tooltip
              formatter={(value, _name, item) => [
                `${formatMoney(Number(value))} · ${(item.payload as { salesText: string }).salesText}`,
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
          <BarChart accessibilityLayer={false} data={spec.rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" {...moneyAxis(spec.rows.map((row) => row.revenueCents))} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} tick={AXIS_TICK} />
            <Tooltip formatter={(value) => [moneyTooltip(value), spec.revenueLabel]} />
            <Bar dataKey="revenueCents" name={spec.revenueLabel} fill={COLORS.revenue} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )
    case 'stock':
      return (
        <>
          <ResponsiveContainer width="100%" height={Math.max(120, spec.rows.length * BAR_ROW_HEIGHT + 40)}>
            <BarChart accessibilityLayer={false} data={spec.rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
              <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} tick={AXIS_TICK} />
              <Tooltip formatter={(value, name) => [formatNumber(Number(value)), name]} />
              {STOCK_STATUSES.map((status) => (
                <Bar key={status} dataKey={status} stackId="stock" name={spec.statusLabels[status]} fill={COLORS[status]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
          {/* The legend in the page, not in the SVG: recharts sizes its legend after a first render, and a legend
              wrapped on two lines in the narrow dashboard card ran over the axis. In status order, text colour. */}
          <ul className="list-inline small text-center mb-0" aria-hidden="true">
            {STOCK_STATUSES.map((status) => (
              <li key={status} className="list-inline-item">
                <span className="d-inline-block me-1 align-middle" style={{ width: 10, height: 10, background: COLORS[status] }} />
                {spec.statusLabels[status]}
              </li>
            ))}
          </ul>
        </>
      )
  }
}
