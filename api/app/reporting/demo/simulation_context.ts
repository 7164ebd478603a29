import type { BusinessDay } from '#reporting/demo/business_calendar'
import type { DemandModel } from '#reporting/demo/demand_model'
import type { DemoWorld } from '#reporting/demo/demo_world'
import type { Random } from '#reporting/demo/distributions'
import type { EventQueue } from '#reporting/demo/event_queue'
import type { HistorySink } from '#reporting/demo/history_rows'
import type { Refund } from '#reporting/demo/refunds'
import type { RollupAccumulator } from '#reporting/demo/rollup_accumulator'
import type { StockBook } from '#reporting/demo/stock_book'

/** Hands out consecutive ids from a block the caller reserved in the database. */
export class IdCounter {
  constructor(private nextId: number) {}

  take(): number {
    return this.nextId++
  }

  /** The next id that would be handed out. */
  peek(): number {
    return this.nextId
  }
}

export interface IdCounters {
  sale: IdCounter
  saleLine: IdCounter
  saleReturn: IdCounter
  session: IdCounter
  replenishment: IdCounter
}

export function idCountersFrom(starts: Record<keyof IdCounters, number>): IdCounters {
  return {
    sale: new IdCounter(starts.sale),
    saleLine: new IdCounter(starts.saleLine),
    saleReturn: new IdCounter(starts.saleReturn),
    session: new IdCounter(starts.session),
    replenishment: new IdCounter(starts.replenishment),
  }
}

export interface SimulationStats {
  sales: number
  saleLines: number
  unitsSold: number
  /** Customers who left with nothing because every product they wanted was out of stock. */
  lostSales: number
  /** Units wanted but not on the shelf (lines shrunk or dropped). */
  unitsShort: number
  returns: number
  replenishments: number
  supplierReceipts: number
  sessions: number
}

export function emptyStats(): SimulationStats {
  return {
    sales: 0,
    saleLines: 0,
    unitsSold: 0,
    lostSales: 0,
    unitsShort: 0,
    returns: 0,
    replenishments: 0,
    supplierReceipts: 0,
    sessions: 0,
  }
}

/** The drawer of one register for the day being simulated. */
export interface RegisterDay {
  sessionId: number
  /** Cash kept from sales (tendered − change). */
  cashInCents: number
  /** Cash handed back on returns. */
  cashOutCents: number
}

export interface PendingReturn {
  saleId: number
  store: number
  /** Index of the sale's register in its store: returns are booked against it. */
  register: number
  lines: { saleLineId: number; product: number; quantity: number }[]
  refund: Refund
  /** How the refund goes back, as a live return splits it (no tender gets more than it paid). */
  refundParts: { method: 'cash' | 'card'; cents: number }[]
  /** Σ refundParts − the refund: its cash part rounded to the nickel (ADR 0023). */
  cashRoundingCents: number
  reason: string
  dayIndex: number
  /** When the sale was made: later than the clerks' return period, the store's manager takes the goods back (ADR 0027). */
  soldAtMs: number
}

export interface PendingShipment {
  requestId: number
  store: number
  product: number
  quantity: number
}

export type SimulationEvent =
  | { type: 'open'; atMs: number; store: number }
  | { type: 'sale'; atMs: number; store: number; register: number }
  | { type: 'return'; atMs: number; pending: PendingReturn }
  | { type: 'ship'; atMs: number; shipment: PendingShipment }
  | { type: 'receive'; atMs: number; shipment: PendingShipment }
  | { type: 'supplier'; atMs: number; product: number; quantity: number }

/** Everything the day's handlers share. */
export interface SimulationContext {
  world: DemoWorld
  days: BusinessDay[]
  demand: DemandModel
  random: Random
  book: StockBook
  sink: HistorySink
  rollups: RollupAccumulator
  ids: IdCounters
  queue: EventQueue<SimulationEvent>
  stats: SimulationStats
  /** registersToday[store][register]; empty for a store that is closed today. */
  registersToday: RegisterDay[][]
  /** End of the last simulated day: nothing may be scheduled at or after it. */
  periodEndMs: number
}
