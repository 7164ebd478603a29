/**
 * A min-heap of timed events. Ties on time keep insertion order, so the
 * ledger rows of one instant come out in a reproducible order.
 */
export class EventQueue<T extends { atMs: number }> {
  private readonly heap: { event: T; order: number }[] = []
  private inserted = 0

  get size(): number {
    return this.heap.length
  }

  push(event: T): void {
    this.heap.push({ event, order: this.inserted++ })
    let index = this.heap.length - 1
    while (index > 0) {
      const parent = (index - 1) >>> 1
      if (!this.before(index, parent)) break
      this.swap(index, parent)
      index = parent
    }
  }

  /** The earliest event if it happens before `limitMs`, removed from the queue. */
  popBefore(limitMs: number): T | undefined {
    if (this.heap.length === 0 || this.heap[0].event.atMs >= limitMs) return undefined
    const top = this.heap[0].event
    const last = this.heap.pop()!
    if (this.heap.length > 0) {
      this.heap[0] = last
      let index = 0
      for (;;) {
        const left = 2 * index + 1
        const right = left + 1
        let smallest = index
        if (left < this.heap.length && this.before(left, smallest)) smallest = left
        if (right < this.heap.length && this.before(right, smallest)) smallest = right
        if (smallest === index) break
        this.swap(index, smallest)
        index = smallest
      }
    }
    return top
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]
    const y = this.heap[b]
    return x.event.atMs < y.event.atMs || (x.event.atMs === y.event.atMs && x.order < y.order)
  }

  private swap(a: number, b: number) {
    const tmp = this.heap[a]
    this.heap[a] = this.heap[b]
    this.heap[b] = tmp
  }
}
