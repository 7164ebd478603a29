import { seededRandom } from '#core/util/seeded_random'

/** The fuzz run's seed: FUZZ_SEED (a number, or `random`), else a fixed default so CI is reproducible. */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31)
  if (raw && /^\d+$/.test(raw)) return Number(raw)
  return 20_261_124
}

/** A seeded source of choices: the same seed gives the same requests. */
export class Rng {
  readonly #next: () => number

  constructor(seed: number) {
    this.#next = seededRandom(seed)
  }

  float() {
    return this.#next()
  }

  int(min: number, max: number) {
    return min + Math.floor(this.#next() * (max - min + 1))
  }

  chance(probability: number) {
    return this.#next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.#next() * items.length)]
  }

  /** One of the entries, each with its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.#next() * total
    for (const [value, weight] of entries) {
      roll -= weight
      if (roll < 0) return value
    }
    return entries[entries.length - 1][0]
  }
}
