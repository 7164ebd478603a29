/*
 * Sampling helpers over a seeded uniform source, so a seed always gives the
 * same history. No Math.random anywhere in the generator.
 */
export type Random = () => number

/** Picks values with probability proportional to their weight (binary search on the cumulative sum). */
export class WeightedPicker<T> {
  readonly values: T[]
  private readonly cumulative: Float64Array
  readonly totalWeight: number

  constructor(entries: [T, number][]) {
    const kept = entries.filter(([, weight]) => weight > 0)
    if (kept.length === 0) throw new Error('WeightedPicker needs at least one positive weight')
    this.values = kept.map(([value]) => value)
    this.cumulative = new Float64Array(kept.length)
    let sum = 0
    kept.forEach(([, weight], index) => {
      sum += weight
      this.cumulative[index] = sum
    })
    this.totalWeight = sum
  }

  pick(random: Random): T {
    const target = random() * this.totalWeight
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.cumulative[mid] > target) high = mid
      else low = mid + 1
    }
    return this.values[low]
  }

  /** Up to `count` distinct values, each drawn by weight among those not drawn yet. */
  pickDistinct(random: Random, count: number): T[] {
    const wanted = Math.min(count, this.values.length)
    const taken = new Uint8Array(this.values.length)
    const chosen: T[] = []
    let remaining = this.totalWeight
    // A linear scan over the values left: baskets draw a handful among a dozen products.
    while (chosen.length < wanted && remaining > 0) {
      let target = random() * remaining
      let index = -1
      for (let i = 0; i < this.values.length; i++) {
        if (taken[i]) continue
        index = i
        target -= this.weightAt(i)
        if (target < 0) break
      }
      taken[index] = 1
      remaining -= this.weightAt(index)
      chosen.push(this.values[index])
    }
    return chosen
  }

  private weightAt(index: number): number {
    return this.cumulative[index] - (index === 0 ? 0 : this.cumulative[index - 1])
  }

  /** Expected value of a numeric picker. */
  mean(this: WeightedPicker<number>): number {
    let previous = 0
    let sum = 0
    this.values.forEach((value, index) => {
      sum += value * (this.cumulative[index] - previous)
      previous = this.cumulative[index]
    })
    return sum / this.totalWeight
  }
}

export function uniformInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** A standard normal draw (Box–Muller). */
export function standardNormal(random: Random): number {
  const u = 1 - random() // (0, 1], keeps log finite
  const v = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/**
 * A count of independent arrivals with the given mean: exact Poisson for
 * small means, its normal approximation for large ones (thousands of sales a
 * day would make the exact method slow for no visible difference).
 */
export function arrivals(random: Random, mean: number): number {
  if (mean <= 0) return 0
  if (mean < 30) {
    const limit = Math.exp(-mean)
    let count = 0
    let product = random()
    while (product > limit) {
      count++
      product *= random()
    }
    return count
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)))
}

/** A multiplicative day-to-day wobble around 1, kept within ±spread×3. */
export function wobble(random: Random, spread: number): number {
  const value = 1 + spread * standardNormal(random)
  return Math.min(1 + 3 * spread, Math.max(1 - 3 * spread, value))
}
