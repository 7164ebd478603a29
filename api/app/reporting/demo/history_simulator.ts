import { openingHoursOn, type BusinessDay } from '#reporting/demo/business_calendar'
import { Checkout } from '#reporting/demo/checkout'
import { DemandModel } from '#reporting/demo/demand_model'
import type { DemoWorld } from '#reporting/demo/demo_world'
import { WeightedPicker, arrivals, uniformInt, wobble, type Random } from '#reporting/demo/distributions'
import { EventQueue } from '#reporting/demo/event_queue'
import type { HistorySink } from '#reporting/demo/history_rows'
import { CASH_DRAWER, HOURLY_TRAFFIC, type OpeningHours } from '#reporting/demo/profiles'
import { ReplenishmentDesk } from '#reporting/demo/replenishment_desk'
import { RollupAccumulator } from '#reporting/demo/rollup_accumulator'
import {
  emptyStats,
  type IdCounters,
  type SimulationContext,
  type SimulationEvent,
} from '#reporting/demo/simulation_context'
import { StockBook } from '#reporting/demo/stock_book'

const MINUTE = 60_000

export interface FinalLevel {
  locationId: number
  productId: number
  quantity: number
  netChange: number
}

/**
 * Plays the chain forward one business day at a time. Each day's customers
 * are drawn per store (weekday, opening hours, hour-of-day curve), then
 * every event of the day — sales, returns, shipments, deliveries — is played
 * in time order against the stock book, so each ledger row's balance is the
 * level at that instant and no level ever goes below zero.
 */
export class HistorySimulator {
  private readonly ctx: SimulationContext
  private readonly checkout: Checkout
  private readonly desk: ReplenishmentDesk
  private readonly hourPickers = new Map<string, WeightedPicker<number>>()
  private readonly registerPickers: WeightedPicker<number>[]
  private nextDay = 0

  constructor(
    world: DemoWorld,
    days: BusinessDay[],
    salesPerDay: number,
    random: Random,
    ids: IdCounters,
    sink: HistorySink
  ) {
    if (days.length === 0) throw new Error('Nothing to simulate: the period has no day')
    const book = new StockBook(world.locationIds.length, world.products.length)
    for (const level of world.openingLevels) book.open(level.location, level.product, level.quantity)
    this.ctx = {
      world,
      days,
      demand: new DemandModel(world, salesPerDay),
      random,
      book,
      sink,
      rollups: new RollupAccumulator(),
      ids,
      queue: new EventQueue<SimulationEvent>(),
      stats: emptyStats(),
      registersToday: world.stores.map(() => []),
      periodEndMs: days[days.length - 1].endMs,
    }
    this.desk = new ReplenishmentDesk(this.ctx)
    this.checkout = new Checkout(this.ctx, this.desk)
    this.registerPickers = world.stores.map(
      (store) =>
        new WeightedPicker(
          store.registers.map((_, index) => [index, store.profile.registerShares[index] ?? 0.1] as [number, number])
        )
    )
  }

  get stats() {
    return this.ctx.stats
  }

  get rollups() {
    return this.ctx.rollups
  }

  get daysDone() {
    return this.nextDay
  }

  /** Plays the next day; returns false once the period is over. */
  simulateNextDay(): boolean {
    if (this.nextDay >= this.ctx.days.length) return false
    const dayIndex = this.nextDay++
    const day = this.ctx.days[dayIndex]
    const openStores = this.openRegisters(dayIndex)
    for (const storeIndex of openStores) this.scheduleCustomers(storeIndex, dayIndex)

    for (let event = this.ctx.queue.popBefore(day.endMs); event; event = this.ctx.queue.popBefore(day.endMs)) {
      this.play(event, dayIndex)
    }
    for (const storeIndex of openStores) this.closeRegisters(storeIndex, day)
    return true
  }

  /** The stock levels at the end of the period, for every cell that moved or not. */
  finalLevels(): FinalLevel[] {
    if (this.ctx.queue.size > 0) throw new Error('Events left after the last day: a schedule overran the period')
    const { world, book } = this.ctx
    return world.openingLevels.map((level) => ({
      locationId: world.locationIds[level.location],
      productId: world.products[level.product].id,
      quantity: book.level(level.location, level.product),
      netChange: book.netChange(level.location, level.product),
    }))
  }

  private play(event: SimulationEvent, dayIndex: number) {
    switch (event.type) {
      case 'open':
        return this.desk.checkStore(event.store, this.ctx.world.products.keys(), event.atMs, dayIndex)
      case 'sale':
        return this.checkout.sell(event.store, event.register, event.atMs, dayIndex)
      case 'return':
        return this.checkout.takeBack(event.pending, event.atMs)
      case 'ship':
        return this.desk.ship(event.shipment, event.atMs)
      case 'receive':
        return this.desk.receive(event.shipment, event.atMs)
      case 'supplier':
        return this.desk.supplierDelivers(event.product, event.quantity, event.atMs)
    }
  }

  /** Opens one session per register of every store open today; returns those stores. */
  private openRegisters(dayIndex: number): number[] {
    const { world, days, ids, queue } = this.ctx
    const day = days[dayIndex]
    const open: number[] = []
    world.stores.forEach((store, storeIndex) => {
      const hours = openingHoursOn(store.profile, day)
      if (!hours || store.registers.length === 0) {
        this.ctx.registersToday[storeIndex] = []
        return
      }
      open.push(storeIndex)
      this.ctx.registersToday[storeIndex] = store.registers.map(() => ({
        sessionId: ids.session.take(),
        cashInCents: 0,
        cashOutCents: 0,
      }))
      // The clerk checks the shelves half an hour before opening.
      queue.push({ type: 'open', atMs: day.hourStartMs[hours.open] - 30 * MINUTE, store: storeIndex })
    })
    return open
  }

  private scheduleCustomers(storeIndex: number, dayIndex: number) {
    const { world, days, demand, random, queue } = this.ctx
    const day = days[dayIndex]
    const hours = openingHoursOn(world.stores[storeIndex].profile, day)!
    const hourPicker = this.hourPickerFor(hours)
    const count = arrivals(random, demand.expectedSales(storeIndex, day) * wobble(random, 0.08))
    for (let customer = 0; customer < count; customer++) {
      const hour = hourPicker.pick(random)
      const atMs = day.hourStartMs[hour] + uniformInt(random, 0, 3599) * 1000
      queue.push({ type: 'sale', atMs, store: storeIndex, register: this.registerPickers[storeIndex].pick(random) })
    }
  }

  private hourPickerFor(hours: OpeningHours): WeightedPicker<number> {
    const key = `${hours.open}-${hours.close}`
    let picker = this.hourPickers.get(key)
    if (!picker) {
      const entries: [number, number][] = []
      // An open hour with no traffic on the curve still sees the odd customer.
      for (let hour = hours.open; hour < hours.close; hour++) entries.push([hour, Math.max(0.05, HOURLY_TRAFFIC[hour])])
      picker = new WeightedPicker(entries)
      this.hourPickers.set(key, picker)
    }
    return picker
  }

  /**
   * Counts the drawers after closing. Expected cash = float + cash kept from
   * sales − cash refunded; most counts match, a few are off by some coins.
   */
  private closeRegisters(storeIndex: number, day: BusinessDay) {
    const { world, random, sink, stats } = this.ctx
    const store = world.stores[storeIndex]
    const hours = openingHoursOn(store.profile, day)!
    this.ctx.registersToday[storeIndex].forEach((drawer, index) => {
      const float = store.profile.openingFloatCents
      const expected = float + drawer.cashInCents - drawer.cashOutCents
      let counted = expected
      if (random() < CASH_DRAWER.discrepancyRate) {
        const coins = uniformInt(random, 1, CASH_DRAWER.maxDiscrepancyCents / 5) * 5
        counted = Math.max(0, expected + (random() < 0.5 ? -coins : coins))
      }
      sink.write('register_sessions', {
        id: drawer.sessionId,
        registerId: store.registers[index].id,
        openedBy: store.clerkId,
        openedAtMs: day.hourStartMs[hours.open] - uniformInt(random, 5, 20) * MINUTE,
        openingFloatCents: float,
        closedBy: store.clerkId,
        closedAtMs: day.hourStartMs[hours.close] + uniformInt(random, 5, 25) * MINUTE,
        countedCashCents: counted,
        expectedCashCents: expected,
        note: counted === expected ? null : `Écart de caisse : ${counted - expected} ¢`,
      })
      stats.sessions++
    })
  }
}
