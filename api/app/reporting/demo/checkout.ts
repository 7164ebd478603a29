import { computeTaxes, totalTax } from '#sales/taxes'
import { openingHoursOn } from '#reporting/demo/business_calendar'
import { WeightedPicker } from '#reporting/demo/distributions'
import { choosePayment, type Payment } from '#reporting/demo/payments'
import { LINES_PER_SALE, RETURNS, UNITS_PER_LINE } from '#reporting/demo/profiles'
import { receiptNumber } from '#reporting/demo/receipt_number'
import { computeRefund } from '#reporting/demo/refunds'
import type { ReturnRow } from '#reporting/demo/history_rows'
import { refundableByTender, refundMethodOf, splitRefund } from '#sales/refund_split'
import { roundCash, saleCashOf } from '#sales/cash_rounding'
import { chooseReturnTime, isFullReturn, planReturnQuantities } from '#reporting/demo/return_planner'
import { clerkReturnDeadline } from '#sales/return_window'
import type { ReplenishmentDesk } from '#reporting/demo/replenishment_desk'
import type { PendingReturn, SimulationContext } from '#reporting/demo/simulation_context'

const linesPicker = new WeightedPicker(LINES_PER_SALE)
const unitsPicker = new WeightedPicker(UNITS_PER_LINE)
const reasonPicker = new WeightedPicker(RETURNS.reasons.map((reason) => [reason, 1] as [string, number]))

interface BasketLine {
  product: number
  quantity: number
  unitPriceCents: number
}

/**
 * The till: turns a customer into a sale (basket shrunk to what is on the
 * shelf, taxes, payment, receipt) and a returning customer into a return.
 * Whether a sale will come back is decided when it is rung up, so the sale
 * row is written once with its final status and refunded amount.
 */
export class Checkout {
  /** Per store, the products it stocks, by popularity. */
  private readonly shelves: (WeightedPicker<number> | null)[]

  constructor(
    private readonly ctx: SimulationContext,
    private readonly desk: ReplenishmentDesk
  ) {
    const { world, book } = ctx
    this.shelves = world.stores.map((store) => {
      const stocked = world.products
        .map((product, index) => [index, product.weight] as [number, number])
        .filter(([index]) => book.isStocked(store.location, index))
      return stocked.some(([, weight]) => weight > 0) ? new WeightedPicker(stocked) : null
    })
  }

  sell(storeIndex: number, registerIndex: number, atMs: number, dayIndex: number): void {
    const { world, random, book, stats } = this.ctx
    const shelf = this.shelves[storeIndex]
    if (!shelf) return
    const store = world.stores[storeIndex]
    const wanted = shelf.pickDistinct(random, linesPicker.pick(random))
    const basket: BasketLine[] = []
    for (const product of wanted) {
      const units = unitsPicker.pick(random)
      // A customer takes what is left on the shelf, or goes without.
      const quantity = Math.min(units, book.level(store.location, product))
      stats.unitsShort += units - quantity
      if (quantity > 0) basket.push({ product, quantity, unitPriceCents: world.products[product].priceCents })
    }
    if (basket.length === 0) stats.lostSales++
    else this.ringUp(storeIndex, registerIndex, atMs, dayIndex, basket)
    // An empty shelf is noticed too, so a request goes out even when nothing sold.
    this.desk.checkStore(storeIndex, wanted, atMs, dayIndex)
  }

  private ringUp(storeIndex: number, registerIndex: number, atMs: number, dayIndex: number, basket: BasketLine[]) {
    const { world, random, book, sink, rollups, ids, stats, days } = this.ctx
    const store = world.stores[storeIndex]
    const register = store.registers[registerIndex]
    const drawer = this.ctx.registersToday[storeIndex][registerIndex]
    const day = days[dayIndex]

    const saleId = ids.sale.take()
    const subtotalCents = basket.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0)
    const taxes = computeTaxes(subtotalCents, store.taxRates)
    const taxCents = totalTax(taxes)
    const totalCents = subtotalCents + taxCents
    const payment = choosePayment(random, totalCents)
    const lineIds = basket.map(() => ids.saleLine.take())
    const pending = random() < RETURNS.rate ? this.planReturn(saleId, storeIndex, registerIndex, atMs, dayIndex, basket, lineIds, payment) : null
    const returnedByLine = new Map(pending?.lines.map((line) => [line.saleLineId, line.quantity]))

    const sold = basket.map((line) => line.quantity)
    const returned = lineIds.map((id) => returnedByLine.get(id) ?? 0)
    sink.write('sales', {
      id: saleId,
      receiptNumber: receiptNumber(store.id, register.number, saleId),
      storeId: store.id,
      registerId: register.id,
      registerSessionId: drawer.sessionId,
      clerkId: store.clerkId,
      status: !pending ? 'completed' : isFullReturn(sold, returned) ? 'returned' : 'partially_returned',
      subtotalCents,
      taxCents,
      totalCents,
      paidCents: payment.paidCents,
      changeCents: payment.changeCents,
      refundedCents: pending?.refund.totalCents ?? 0,
      createdAtMs: atMs,
    })
    basket.forEach((line, index) => {
      const product = world.products[line.product]
      const lineTotalCents = line.quantity * line.unitPriceCents
      sink.write('sale_lines', {
        id: lineIds[index],
        saleId,
        lineNumber: index + 1,
        productId: product.id,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents,
        returnedQuantity: returned[index],
      })
      const balanceAfter = book.apply(store.location, line.product, -line.quantity)
      sink.write('stock_movements', {
        locationId: world.locationIds[store.location],
        productId: product.id,
        quantityDelta: -line.quantity,
        balanceAfter,
        kind: 'sale',
        referenceType: 'sale',
        referenceId: saleId,
        reason: null,
        userId: store.clerkId,
        createdAtMs: atMs,
      })
      rollups.addSaleLine(day.date, store.id, product.id, line.quantity, lineTotalCents)
      stats.unitsSold += line.quantity
    })
    for (const tax of taxes) sink.write('sale_taxes', { saleId, ...tax })
    for (const tender of payment.tenders) sink.write('payments', { saleId, ...tender })
    rollups.addSale(day.date, register.id, store.id, subtotalCents, taxCents)
    drawer.cashInCents += payment.cashKeptCents
    stats.sales++
    stats.saleLines += basket.length
  }

  private planReturn(
    saleId: number,
    storeIndex: number,
    registerIndex: number,
    saleAtMs: number,
    saleDayIndex: number,
    basket: BasketLine[],
    lineIds: number[],
    payment: Payment
  ): PendingReturn | null {
    const { random, days, world } = this.ctx
    const profile = world.stores[storeIndex].profile
    const when = chooseReturnTime(random, saleAtMs, saleDayIndex, days, (day) => openingHoursOn(profile, day))
    if (!when) return null
    const quantities = planReturnQuantities(random, basket.map((line) => line.quantity))
    const lines = basket
      .map((line, index) => ({ saleLineId: lineIds[index], product: line.product, quantity: quantities[index], unitPriceCents: line.unitPriceCents }))
      .filter((line) => line.quantity > 0)
    const refund = computeRefund(lines, world.stores[storeIndex].taxRates)
    const pending: PendingReturn = {
      saleId,
      store: storeIndex,
      register: registerIndex,
      lines: lines.map(({ saleLineId, product, quantity }) => ({ saleLineId, product, quantity })),
      refund,
      // As a live return would (ADR 0017, 0023): cash when the drawer kept that much, else the card,
      // else split; the cash part rounded to the nickel. The only return of its sale.
      ...refundPlan(refund.totalCents, payment),
      reason: reasonPicker.pick(random),
      dayIndex: when.dayIndex,
      soldAtMs: saleAtMs,
    }
    this.ctx.queue.push({ type: 'return', atMs: when.atMs, pending })
    return pending
  }

  /** The customer is back: goods return to the shelf, money to the customer. */
  takeBack(pending: PendingReturn, atMs: number): void {
    const { world, book, sink, rollups, ids, stats, days } = this.ctx
    const store = world.stores[pending.store]
    const register = store.registers[pending.register]
    const day = days[pending.dayIndex]
    const drawer = this.ctx.registersToday[pending.store][pending.register]
    const returnId = ids.saleReturn.take()
    // As live: past the clerks' period a return is a manager's (the journal marks it « hors délai »).
    const userId = atMs > clerkReturnDeadline(new Date(pending.soldAtMs)).getTime() ? world.managerId : store.clerkId
    sink.write('returns', {
      id: returnId,
      saleId: pending.saleId,
      userId,
      registerId: register.id,
      registerSessionId: drawer.sessionId,
      reason: pending.reason,
      refundMethod: refundMethodOf(pending.refundParts, 'card') as ReturnRow['refundMethod'],
      subtotalCents: pending.refund.subtotalCents,
      taxCents: pending.refund.taxCents,
      totalCents: pending.refund.totalCents,
      cashRoundingCents: pending.cashRoundingCents,
      createdAtMs: atMs,
    })
    for (const part of pending.refundParts) {
      sink.write('return_refunds', { returnId, method: part.method, amountCents: part.cents })
    }
    pending.lines.forEach((line, index) => {
      const product = world.products[line.product]
      const subtotalCents = pending.refund.lineSubtotals[index]
      sink.write('return_lines', { returnId, saleLineId: line.saleLineId, quantity: line.quantity, subtotalCents })
      const balanceAfter = book.apply(store.location, line.product, line.quantity)
      sink.write('stock_movements', {
        locationId: world.locationIds[store.location],
        productId: product.id,
        quantityDelta: line.quantity,
        balanceAfter,
        kind: 'return',
        referenceType: 'return',
        referenceId: returnId,
        reason: null,
        userId,
        createdAtMs: atMs,
      })
      rollups.addReturnLine(day.date, store.id, product.id, line.quantity, subtotalCents)
    })
    rollups.addReturn(day.date, register.id, store.id, pending.refund.subtotalCents, pending.refund.totalCents)
    drawer.cashOutCents += pending.refundParts.find((part) => part.method === 'cash')?.cents ?? 0
    stats.returns++
  }
}

/** The parts a sale's only return hands back, as refundPartsFor would split and round them. */
function refundPlan(refundCents: number, payment: Payment): Pick<PendingReturn, 'refundParts' | 'cashRoundingCents'> {
  const paid = payment.tenders.map((t) => ({ method: t.method, cents: t.amountCents }))
  const left = refundableByTender(paid, payment.changeCents + payment.cashRoundingCents, [])
  const cash = saleCashOf({
    cashTenderedCents: paid.filter((t) => t.method === 'cash').reduce((sum, t) => sum + t.cents, 0),
    changeCents: payment.changeCents,
    roundingCents: payment.cashRoundingCents,
    handedBackCents: 0,
    returnsRoundingCents: 0,
    exactLeftCents: left.get('cash') ?? 0,
  })
  const plan = roundCash(splitRefund(refundCents, left), cash)
  return { refundParts: plan.parts as PendingReturn['refundParts'], cashRoundingCents: plan.cashRoundingCents }
}
