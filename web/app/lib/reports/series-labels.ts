// How a bucket of the sales series is named, in the chart and its table.
// Pure (unit-tested), no Node APIs.
import { addDays } from './filters.ts'
import { formatDay, formatDayRange, formatMoney } from '../format.ts'
import type { Translate } from '../i18n/index.ts'
import type { SeriesPoint } from './figures.ts'
import type { Granularity } from './filters.ts'

/** Whether the bucket covers its whole week or month: the API cuts the first and last ones at the period's ends. */
function isWhole(point: Pick<SeriesPoint, 'start' | 'end'>, granularity: Granularity): boolean {
  if (granularity === 'weekly') return addDays(point.start, 6) === point.end
  if (granularity === 'monthly') return point.start.endsWith('-01') && addDays(point.end, 1).endsWith('-01')
  return true
}

/**
 * "24 novembre 2026", "Semaine du 24 nov." or "novembre 2026", as the series is bucketed. A week
 * or a month cut by the period is named by its days ("27 août – 30 août"): called « Semaine du
 * 27 août », its four days read as a week of falling sales.
 */
export function bucketLabel(point: Pick<SeriesPoint, 'start' | 'end'>, granularity: Granularity, t: Translate, short = false): string {
  if (granularity === 'daily') return formatDay(point.start, short ? 'short' : 'long')
  if (!isWhole(point, granularity)) return formatDayRange(point.start, point.end)
  if (granularity === 'monthly') return formatDay(point.start, 'month')
  return t('reports.weekOf', { day: formatDay(point.start, 'short') })
}

/** A bucket's average ticket; none without a sale (« 0,00 $ » read as baskets worth nothing), as the KPI card says it. */
export function averageTicketText(point: Pick<SeriesPoint, 'sales' | 'averageTicketCents'>): string {
  return point.sales === 0 ? '—' : formatMoney(point.averageTicketCents)
}
