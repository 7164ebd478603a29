import { WeightedPicker } from '#reporting/demo/distributions'
import type { BusinessDay } from '#reporting/demo/business_calendar'
import type { DemoWorld } from '#reporting/demo/demo_world'
import { LINES_PER_SALE, UNITS_PER_LINE, WEEKDAY_FACTORS } from '#reporting/demo/profiles'

export const MEAN_UNITS_PER_LINE = new WeightedPicker(UNITS_PER_LINE).mean()
const PEAK_WEEKDAY_FACTOR = Math.max(...Object.values(WEEKDAY_FACTORS))

/** Expected lines per sale when the catalog has `productCount` products (a basket holds each once). */
export function meanLinesPerSale(productCount: number): number {
  const total = LINES_PER_SALE.reduce((sum, [, weight]) => sum + weight, 0)
  return LINES_PER_SALE.reduce((sum, [lines, weight]) => sum + Math.min(lines, productCount) * weight, 0) / total
}

/**
 * Expected traffic and demand, from the profiles alone. The simulator draws
 * actual days around these means; replenishment sizes its orders on them,
 * the way a store manager knows roughly what a Saturday sells.
 */
export class DemandModel {
  private readonly storeShares: number[]

  constructor(
    private readonly world: DemoWorld,
    readonly salesPerDay: number
  ) {
    const traffic = world.stores.map((store) => store.profile.traffic)
    const mean = traffic.reduce((sum, value) => sum + value, 0) / Math.max(1, traffic.length)
    // --sales-per-day is the average store: the stores' relative traffic averages 1.
    this.storeShares = traffic.map((value) => value / mean)
  }

  /** Mean number of sales of one store on one day (0 when it is closed). */
  expectedSales(storeIndex: number, day: BusinessDay): number {
    const store = this.world.stores[storeIndex]
    if (day.closed || !store.profile.hours[day.weekday] || store.registers.length === 0) return 0
    return this.salesPerDay * this.storeShares[storeIndex] * WEEKDAY_FACTORS[day.weekday]
  }

  /** Units of a product a store sells on its busiest day of the week. */
  peakDailyUnits(storeIndex: number, productIndex: number): number {
    const products = this.world.products
    const totalWeight = products.reduce((sum, product) => sum + product.weight, 0)
    const share = products[productIndex].weight / totalWeight
    return (
      this.salesPerDay *
      this.storeShares[storeIndex] *
      PEAK_WEEKDAY_FACTOR *
      Math.min(1, meanLinesPerSale(products.length) * share) *
      MEAN_UNITS_PER_LINE
    )
  }

  /**
   * The weekday sales per store that make `lines` sale lines over `days`:
   * lines = salesPerDay × Σ(store share × weekday factor over open days) × lines per sale.
   * Stock-outs make the real count a little lower.
   */
  static salesPerDayForLines(world: DemoWorld, days: BusinessDay[], lines: number): number {
    const unit = new DemandModel(world, 1)
    let salesAtOnePerDay = 0
    for (const day of days) {
      world.stores.forEach((_, index) => (salesAtOnePerDay += unit.expectedSales(index, day)))
    }
    if (salesAtOnePerDay === 0) throw new Error('No store is open during the requested period')
    return lines / (salesAtOnePerDay * meanLinesPerSale(world.products.length))
  }
}
