import {
  addDays,
  addMonths,
  bucketEnd,
  bucketStart,
  bucketStarts,
  earlier,
  later,
  today,
  type Bucket,
} from '#reporting/services/calendar'
import { netCents, percentChange, storeList } from '#reporting/services/figures'
import type { BoundedRange } from '#reporting/services/report_period'
import {
  NO_REGISTER_FIGURES,
  registerFiguresByBucket,
  type RegisterFigures,
} from '#reporting/queries/register_figures'

/*
 * Time series over daily_register_rollups: sales-by-period and
 * revenue-trends. Every bucket of the window is present (zeros included),
 * so a chart has no gaps; the first and last buckets are clipped to the
 * window and say so through their start and end days.
 */

export const PERIOD_BUCKET: Record<string, Bucket> = { daily: 'day', weekly: 'week', monthly: 'month' }

export interface SeriesBucket {
  start: string
  end: string
  /** The bucket lies entirely in the window and is over (today is never complete). */
  complete: boolean
  figures: RegisterFigures
}

export function addFigures(a: RegisterFigures, b: RegisterFigures): RegisterFigures {
  return {
    salesCount: a.salesCount + b.salesCount,
    grossCents: a.grossCents + b.grossCents,
    refundCents: a.refundCents + b.refundCents,
    taxCents: a.taxCents + b.taxCents,
    totalCents: a.totalCents + b.totalCents,
    returnsCount: a.returnsCount + b.returnsCount,
    refundTotalCents: a.refundTotalCents + b.refundTotalCents,
  }
}

export async function salesSeries(range: BoundedRange, storeId: number | null, bucket: Bucket) {
  const byBucket = await registerFiguresByBucket({ range, storeIds: storeList(storeId) }, bucket)
  const now = today()
  const buckets: SeriesBucket[] = bucketStarts(range.from, range.to, bucket).map((start) => {
    const end = bucketEnd(start, bucket)
    return {
      start: later(start, range.from),
      end: earlier(end, range.to),
      complete: start >= range.from && end <= range.to && end < now,
      figures: byBucket.get(start) ?? NO_REGISTER_FIGURES,
    }
  })
  const totals = buckets.reduce((sum, b) => addFigures(sum, b.figures), NO_REGISTER_FIGURES)
  return { buckets, totals }
}

/** sales-by-period without dates: the last 30 days, 12 weeks or 12 months up to today. */
export function defaultSalesWindowStart(bucket: Bucket) {
  return (to: string) => {
    if (bucket === 'day') return addDays(to, -29)
    if (bucket === 'week') return addDays(bucketStart(to, 'week'), -77)
    return bucketStart(addMonths(to, -11), 'month')
  }
}

/** revenue-trends: `months_back` months up to the end day, starting on a whole bucket. */
export function trendWindowStart(bucket: Bucket, monthsBack: number) {
  return (to: string) => {
    if (bucket === 'month') return bucketStart(addMonths(to, -(monthsBack - 1)), 'month')
    return bucketStart(addDays(addMonths(to, -monthsBack), 1), bucket)
  }
}

export type TrendDirection = 'increasing' | 'decreasing' | 'stable'

/** Below this fitted change over the window (± % of the mean), the trend is "stable". */
export const STABLE_BAND_PERCENT = 5

/**
 * The direction of the least-squares line through the net revenue of the
 * complete buckets: its rise over the window, relative to the mean bucket.
 * A fit rather than first-vs-last, so one unusual week cannot flip it.
 */
export function trendDirection(values: number[]): TrendDirection {
  const n = values.length
  if (n < 2) return 'stable'
  const meanX = (n - 1) / 2
  const meanY = values.reduce((s, v) => s + v, 0) / n
  if (meanY === 0) return 'stable'
  let num = 0
  let den = 0
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY)
    den += (x - meanX) ** 2
  })
  const relativeChange = ((num / den) * (n - 1) * 100) / Math.abs(meanY)
  if (relativeChange > STABLE_BAND_PERCENT) return 'increasing'
  if (relativeChange < -STABLE_BAND_PERCENT) return 'decreasing'
  return 'stable'
}

/**
 * Trend figures: each bucket's change from the one before, the change of
 * the last complete bucket over the previous complete one (a partial
 * current month is never compared with a whole one), and the direction.
 */
export function trendAnalysis(buckets: SeriesBucket[]) {
  const changes = buckets.map((bucket, index) =>
    index === 0 ? null : percentChange(netCents(bucket.figures), netCents(buckets[index - 1].figures))
  )
  const complete = buckets.filter((b) => b.complete).map((b) => netCents(b.figures))
  const growthRate =
    complete.length >= 2 ? percentChange(complete[complete.length - 1], complete[complete.length - 2]) : null
  return { changes, growthRate, direction: trendDirection(complete) }
}
