// A money axis's ticks, in cents. Left to recharts, the axis ended at the data's maximum and
// split it evenly: « 0 $, 9 $, 18 $, 27 $, 34,1 $ ». Here the step is a round amount (1, 2, 2.5
// or 5 × 10ⁿ dollars) and the axis ends on the first tick at or past the largest bar.

/** About this many intervals: five or so ticks fit the narrowest chart (the dashboard's card). */
const INTERVALS = 4
/**
 * At least 0–4 $: a period without sales draws one scale, not five « 0 $ » ticks.
 * Whole dollars only: a step of 2,5 $ would write decimals on half the ticks, so 2.5 × 10ⁿ starts at 25 $.
 */
const MIN_SPAN_CENTS = 400

/** The ticks from the lowest bar (or 0) to the highest (or 4 $), a round step apart; first and last are the axis's ends. */
export function moneyTicks(values: readonly number[]): number[] {
  const low = Math.min(0, ...values.filter(Number.isFinite))
  const high = Math.max(low + MIN_SPAN_CENTS, ...values.filter(Number.isFinite))
  const step = niceStep((high - low) / INTERVALS)
  const first = Math.floor(low / step) * step
  const last = Math.ceil(high / step) * step
  const ticks: number[] = []
  for (let tick = first; tick <= last; tick += step) ticks.push(tick)
  return ticks
}

/** The smallest round step (in cents, whole dollars) at least `rough` cents. */
export function niceStep(rough: number): number {
  for (let power = 100; ; power *= 10) {
    const steps = power >= 1000 ? [1, 2, 2.5, 5] : [1, 2, 5]
    for (const factor of steps) {
      if (factor * power >= rough) return factor * power
    }
  }
}
