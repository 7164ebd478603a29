import db from '@adonisjs/lucid/services/db'
import { addDays, addMonths, bucketEnd, bucketStart, bucketStarts, daysInclusive } from '#reporting/services/calendar'
import { storeList } from '#reporting/services/figures'
import type { BoundedRange } from '#reporting/services/report_period'
import {
  NO_REGISTER_FIGURES,
  registerFiguresByDayAndStore,
  registerFiguresByDayStoreAndTotal,
  registerTotals,
  type RegisterFigures,
} from '#reporting/queries/register_figures'
import { addFigures } from '#reporting/queries/sales_series'

export interface SalesReport {
  range: BoundedRange
  storeId: number | null
  totals: RegisterFigures
  byStore: { storeId: number; storeName: string; figures: RegisterFigures }[]
  byDay: { day: string; figures: RegisterFigures }[]
  byDayAndStore: { day: string; storeId: number; storeName: string; figures: RegisterFigures }[]
}

/*
 * GET /reports/sales from daily_register_rollups: totals, per store and per
 * day, every day of the period and every store in scope (zeros when nothing
 * happened). The JSON views come from one GROUPING SETS pass; the CSV
 * needs the (day, store) cells, and then the views are added up from them.
 */
export async function salesReport(range: BoundedRange, storeId: number | null, withCells: boolean): Promise<SalesReport> {
  const filter = { range, storeIds: storeList(storeId) }
  const stores = await db.from('stores').if(storeId !== null, (q) => q.where('id', storeId!)).orderBy('id').select('id', 'name')
  const names = new Map(stores.map((s) => [Number(s.id), String(s.name)]))
  const cells = withCells ? await registerFiguresByDayAndStore(filter) : []
  const { byDay, byStore, totals } = withCells ? addUp(cells) : await registerFiguresByDayStoreAndTotal(filter)
  return {
    range,
    storeId,
    totals,
    byStore: stores.map((s) => ({
      storeId: Number(s.id),
      storeName: String(s.name),
      figures: byStore.get(Number(s.id)) ?? NO_REGISTER_FIGURES,
    })),
    byDay: bucketStarts(range.from, range.to, 'day').map((day) => ({ day, figures: byDay.get(day) ?? NO_REGISTER_FIGURES })),
    byDayAndStore: cells.map((cell) => ({ ...cell, storeName: names.get(cell.storeId) ?? '' })),
  }
}

/** The per-day, per-store and total views of the (day, store) cells (the CSV path reads only those). */
function addUp(cells: { day: string; storeId: number; figures: RegisterFigures }[]) {
  const byDay = new Map<string, RegisterFigures>()
  const byStore = new Map<number, RegisterFigures>()
  let totals = NO_REGISTER_FIGURES
  for (const cell of cells) {
    byDay.set(cell.day, addFigures(byDay.get(cell.day) ?? NO_REGISTER_FIGURES, cell.figures))
    byStore.set(cell.storeId, addFigures(byStore.get(cell.storeId) ?? NO_REGISTER_FIGURES, cell.figures))
    totals = addFigures(totals, cell.figures)
  }
  return { byDay, byStore, totals }
}

/**
 * The period KPIs are compared with. Month-to-date (or a whole month) is
 * compared like-for-like with the same days of the previous month (a whole
 * month with the whole previous month); any other period with the period
 * of the same length just before it.
 */
export function comparisonRange(range: BoundedRange): BoundedRange {
  const monthStart = bucketStart(range.from, 'month')
  const sameMonth = bucketStart(range.to, 'month') === monthStart
  if (range.from === monthStart && sameMonth) {
    const previousStart = addMonths(monthStart, -1)
    const wholeMonth = range.to === bucketEnd(monthStart, 'month')
    return { from: previousStart, to: wholeMonth ? bucketEnd(previousStart, 'month') : addMonths(range.to, -1) }
  }
  const to = addDays(range.from, -1)
  return { from: addDays(to, -(daysInclusive(range.from, range.to) - 1)), to }
}

export async function kpiFigures(range: BoundedRange, storeId: number | null) {
  const previousRange = comparisonRange(range)
  const current = await registerTotals({ range, storeIds: storeList(storeId) })
  const previous = await registerTotals({ range: previousRange, storeIds: storeList(storeId) })
  return { previousRange, current, previous }
}
