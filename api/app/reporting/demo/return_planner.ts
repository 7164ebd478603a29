import type { BusinessDay } from '#reporting/demo/business_calendar'
import { WeightedPicker, uniformInt, type Random } from '#reporting/demo/distributions'
import type { OpeningHours } from '#reporting/demo/profiles'
import { RETURNS } from '#reporting/demo/profiles'

const MINUTE = 60_000
const delayPicker = new WeightedPicker(RETURNS.delayDays)

/**
 * Which quantities of a sale come back. A full return takes everything; a
 * partial one takes some units of some lines and never everything (a
 * single-unit, single-line sale can only come back whole). Never more than
 * sold, by construction.
 */
export function planReturnQuantities(random: Random, sold: number[]): number[] {
  const totalUnits = sold.reduce((sum, quantity) => sum + quantity, 0)
  if (totalUnits <= 1 || random() < RETURNS.fullShare) return [...sold]
  const returned: number[] = sold.map((quantity) => (random() < 0.5 ? uniformInt(random, 1, quantity) : 0))
  if (!returned.some((quantity) => quantity > 0)) {
    const line = uniformInt(random, 0, sold.length - 1)
    returned[line] = uniformInt(random, 1, sold[line])
  }
  if (returned.every((quantity, index) => quantity === sold[index])) {
    // Drawn everything by chance: keep one unit back so the return stays partial.
    const line = returned.findIndex((quantity) => quantity > 0)
    returned[line] -= 1
    if (!returned.some((quantity) => quantity > 0)) return [...sold]
  }
  return returned
}

export function isFullReturn(sold: number[], returned: number[]): boolean {
  return sold.every((quantity, index) => returned[index] === quantity)
}

/**
 * When the customer comes back: 0–7 days later, while the store is open,
 * at least 15 minutes after the sale, and before the history ends. Null
 * when no such moment exists (the sale was near the end of the period).
 */
export function chooseReturnTime(
  random: Random,
  saleAtMs: number,
  saleDayIndex: number,
  days: BusinessDay[],
  hoursOn: (day: BusinessDay) => OpeningHours | null
): { dayIndex: number; atMs: number } | null {
  const lastDay = Math.min(days.length - 1, saleDayIndex + 7)
  for (let dayIndex = saleDayIndex + delayPicker.pick(random); dayIndex <= lastDay; dayIndex++) {
    const day = days[dayIndex]
    const hours = hoursOn(day)
    if (!hours) continue
    const opensMs = day.hourStartMs[hours.open]
    const earliest = dayIndex === saleDayIndex ? Math.max(opensMs, saleAtMs + 15 * MINUTE) : opensMs
    const latest = day.hourStartMs[hours.close] - 5 * MINUTE
    if (earliest >= latest) continue
    const seconds = Math.floor((latest - earliest) / 1000)
    return { dayIndex, atMs: earliest + uniformInt(random, 0, seconds - 1) * 1000 }
  }
  return null
}
