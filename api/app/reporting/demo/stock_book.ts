/**
 * Stock on hand per (location, product) during the simulation. Every change
 * goes through `apply`, which refuses to go below zero and returns the
 * balance that the ledger row records, so the ledger and the levels can not
 * drift apart.
 */
export class StockBook {
  private readonly levels: Int32Array
  private readonly known: Uint8Array
  /** Net change per cell since the start, to report what moved. */
  private readonly deltas: Int32Array

  constructor(
    private readonly locationCount: number,
    private readonly productCount: number
  ) {
    this.levels = new Int32Array(locationCount * productCount)
    this.known = new Uint8Array(locationCount * productCount)
    this.deltas = new Int32Array(locationCount * productCount)
  }

  private cell(location: number, product: number): number {
    if (location < 0 || location >= this.locationCount || product < 0 || product >= this.productCount) {
      throw new RangeError(`No stock cell for location #${location}, product #${product}`)
    }
    return location * this.productCount + product
  }

  /** Declares a (location, product) that has a stock_levels row, with its current quantity. */
  open(location: number, product: number, quantity: number): void {
    if (quantity < 0) throw new RangeError('Opening stock can not be negative')
    const cell = this.cell(location, product)
    this.levels[cell] = quantity
    this.known[cell] = 1
  }

  isStocked(location: number, product: number): boolean {
    return this.known[this.cell(location, product)] === 1
  }

  level(location: number, product: number): number {
    return this.levels[this.cell(location, product)]
  }

  /** Applies a change and returns the balance after it. */
  apply(location: number, product: number, delta: number): number {
    const cell = this.cell(location, product)
    if (this.known[cell] !== 1) throw new Error(`Location #${location} does not stock product #${product}`)
    if (delta === 0) throw new RangeError('A stock movement can not be zero')
    const next = this.levels[cell] + delta
    if (next < 0) throw new RangeError(`Stock would go negative (${this.levels[cell]} ${delta})`)
    this.levels[cell] = next
    this.deltas[cell] += delta
    return next
  }

  netChange(location: number, product: number): number {
    return this.deltas[this.cell(location, product)]
  }
}
