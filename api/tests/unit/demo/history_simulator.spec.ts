import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { seededRandom } from '#core/util/seeded_random'
import { periodBefore } from '#reporting/demo/business_calendar'
import { DemandModel } from '#reporting/demo/demand_model'
import { CountingSink } from '#reporting/demo/history_rows'
import { HistorySimulator } from '#reporting/demo/history_simulator'
import { toNickel } from '#sales/cash_rounding'
import { clerkReturnDeadline } from '#sales/return_window'
import { CollectingSink, freshIds, playAll, smallWorld, sumBy } from './fixtures.js'

const ZONE = 'America/Toronto'
// 21 days around the end of daylight-saving time (Sunday 2026-11-01).
const DAYS = periodBefore('2026-11-10', 21, ZONE)

function simulate(options: { seed?: number; salesPerDay?: number; storeStock?: number; warehouseStock?: number } = {}) {
  const world = smallWorld(options)
  const sink = new CollectingSink()
  const simulator = new HistorySimulator(world, DAYS, options.salesPerDay ?? 60, seededRandom(options.seed ?? 7), freshIds(), sink)
  playAll(simulator)
  return { world, sink, simulator, finalLevels: simulator.finalLevels() }
}

test.group('HistorySimulator: stock ledger', () => {
  test('each cell’s ledger replays from the opening level to the final level, never below zero, in time order', ({ assert }) => {
    const { world, sink, finalLevels } = simulate()
    const cells = new Map<string, { balance: number; lastAt: number }>()
    for (const level of world.openingLevels) {
      cells.set(`${world.locationIds[level.location]}|${world.products[level.product].id}`, { balance: level.quantity, lastAt: 0 })
    }
    for (const movement of sink.rows.stock_movements) {
      const cell = cells.get(`${movement.locationId}|${movement.productId}`)!
      assert.notEqual(movement.quantityDelta, 0)
      assert.equal(movement.balanceAfter, cell.balance + movement.quantityDelta)
      assert.isAtLeast(movement.balanceAfter, 0)
      assert.isAtLeast(movement.createdAtMs, cell.lastAt)
      cell.balance = movement.balanceAfter
      cell.lastAt = movement.createdAtMs
    }
    for (const level of finalLevels) {
      assert.equal(level.quantity, cells.get(`${level.locationId}|${level.productId}`)!.balance)
    }
    assert.isTrue(finalLevels.some((level) => level.netChange !== 0))
  })

  test('every sale line, return line and transfer has its ledger row', ({ assert }) => {
    const { sink } = simulate()
    const kinds = sumBy(sink.rows.stock_movements, (m) => m.kind, () => 1)
    assert.equal(kinds.get('sale'), sink.rows.sale_lines.length)
    assert.equal(kinds.get('return') ?? 0, sink.rows.return_lines.length)
    assert.equal(kinds.get('replenishment_out'), sink.rows.replenishment_requests.length)
    assert.equal(kinds.get('replenishment_in'), sink.rows.replenishment_requests.length)
    const saleUnits = sumBy(sink.rows.sale_lines, (l) => l.saleId, (l) => l.quantity)
    const ledgerUnits = sumBy(sink.rows.stock_movements.filter((m) => m.kind === 'sale'), (m) => m.referenceId!, (m) => -m.quantityDelta)
    assert.deepEqual([...ledgerUnits.entries()].sort(), [...saleUnits.entries()].sort())
  })

  test('short stock shrinks baskets instead of going negative, and replenishment refills the shelves', ({ assert }) => {
    const { sink, simulator } = simulate({ storeStock: 2, warehouseStock: 30, salesPerDay: 120 })
    assert.isAbove(simulator.stats.unitsShort, 0)
    assert.isAbove(sink.rows.replenishment_requests.length, 0)
    assert.isAbove(sink.rows.stock_movements.filter((m) => m.kind === 'receipt').length, 0)
    for (const request of sink.rows.replenishment_requests) {
      assert.isTrue(
        request.requestedAtMs < request.approvedAtMs &&
          request.approvedAtMs < request.shippedAtMs &&
          request.shippedAtMs < request.receivedAtMs
      )
      assert.isBelow(request.receivedAtMs, DAYS[DAYS.length - 1].endMs)
    }
  })
})

test.group('HistorySimulator: sales and returns', () => {
  test('every sale adds up and satisfies the database constraints', ({ assert }) => {
    const { sink } = simulate()
    const lines = sumBy(sink.rows.sale_lines, (l) => l.saleId, (l) => l.lineTotalCents)
    const taxes = sumBy(sink.rows.sale_taxes, (t) => t.saleId, (t) => t.amountCents)
    const paid = sumBy(sink.rows.payments, (p) => p.saleId, (p) => p.amountCents)
    const cashSales = sumBy(sink.rows.payments.filter((p) => p.method === 'cash'), (p) => p.saleId, (p) => p.amountCents)
    for (const line of sink.rows.sale_lines) assert.equal(line.lineTotalCents, line.quantity * line.unitPriceCents)
    for (const payment of sink.rows.payments) assert.isAbove(payment.amountCents, 0)
    for (const sale of sink.rows.sales) {
      assert.equal(sale.subtotalCents, lines.get(sale.id))
      assert.equal(sale.taxCents, taxes.get(sale.id))
      assert.equal(sale.totalCents, sale.subtotalCents + sale.taxCents)
      assert.equal(sale.paidCents, paid.get(sale.id))
      // Cash settles to the nickel (ADR 0023); a sale without cash is paid to the cent.
      const rounding = sale.paidCents - sale.changeCents - sale.totalCents
      assert.isAtMost(Math.abs(rounding), 2)
      const cash = cashSales.get(sale.id) ?? 0
      if (cash === 0) assert.equal(rounding, 0)
      else assert.equal(cash - sale.changeCents, toNickel(sale.totalCents - (sale.paidCents - cash)))
      assert.isAtLeast(sale.changeCents, 0)
      assert.isAtMost(sale.refundedCents, sale.totalCents)
    }
    assert.equal(new Set(sink.rows.sales.map((s) => s.receiptNumber)).size, sink.rows.sales.length)
  })

  test('sales happen during opening hours, in the session of their register and day', ({ assert }) => {
    const { sink, world } = simulate()
    const sessions = new Map(sink.rows.register_sessions.map((s) => [s.id, s]))
    for (const sale of sink.rows.sales) {
      const session = sessions.get(sale.registerSessionId)!
      assert.equal(session.registerId, sale.registerId)
      assert.isTrue(session.openedAtMs < sale.createdAtMs && sale.createdAtMs < session.closedAtMs)
      const local = DateTime.fromMillis(sale.createdAtMs, { zone: ZONE })
      const hours = world.stores.find((s) => s.id === sale.storeId)!.profile.hours[local.weekday]!
      assert.isTrue(local.hour >= hours.open && local.hour < hours.close, `${local.toISO()} outside ${hours.open}-${hours.close}`)
    }
  })

  test('returns take back at most what was sold, within 7 days, and the sale records them', ({ assert }) => {
    const { sink } = simulate({ salesPerDay: 150 })
    assert.isAbove(sink.rows.returns.length, 0)
    const sales = new Map(sink.rows.sales.map((s) => [s.id, s]))
    const lines = new Map(sink.rows.sale_lines.map((l) => [l.id, l]))
    const returned = sumBy(sink.rows.return_lines, (l) => l.saleLineId, (l) => l.quantity)
    for (const line of sink.rows.sale_lines) assert.equal(line.returnedQuantity, returned.get(line.id) ?? 0)
    for (const [lineId, quantity] of returned) assert.isAtMost(quantity, lines.get(lineId)!.quantity)
    const refunds = sumBy(sink.rows.returns, (r) => r.saleId, (r) => r.totalCents)
    for (const saleReturn of sink.rows.returns) {
      const sale = sales.get(saleReturn.saleId)!
      assert.isAbove(saleReturn.createdAtMs, sale.createdAtMs)
      assert.isAtMost(saleReturn.createdAtMs - sale.createdAtMs, 8 * 24 * 3600_000)
      assert.equal(sale.refundedCents, refunds.get(sale.id))
    }
    for (const sale of sink.rows.sales) {
      const saleLines = sink.rows.sale_lines.filter((l) => l.saleId === sale.id)
      const expected = saleLines.every((l) => l.returnedQuantity === l.quantity)
        ? 'returned'
        : saleLines.some((l) => l.returnedQuantity > 0)
          ? 'partially_returned'
          : 'completed'
      assert.equal(sale.status, expected)
    }
    const rate = sink.rows.returns.length / sink.rows.sales.length
    assert.isTrue(rate > 0.008 && rate < 0.03, `return rate ${rate}`)
  })

  test('a return past the clerks’ period is the manager’s, as live (the returns journal marks it « hors délai »)', ({ assert }) => {
    const { sink, world } = simulate({ salesPerDay: 150 })
    const sales = new Map(sink.rows.sales.map((s) => [s.id, s]))
    const late = (r: { saleId: number; createdAtMs: number }) => r.createdAtMs > clerkReturnDeadline(new Date(sales.get(r.saleId)!.createdAtMs)).getTime()
    assert.isTrue(sink.rows.returns.some(late))
    assert.isTrue(sink.rows.returns.some((r) => !late(r)))
    const clerks = new Set(world.stores.map((store) => store.clerkId))
    for (const saleReturn of sink.rows.returns) {
      if (late(saleReturn)) assert.equal(saleReturn.userId, world.managerId)
      else assert.isTrue(clerks.has(saleReturn.userId))
    }
  })

  test('each drawer expects its float plus cash kept minus cash refunded', ({ assert }) => {
    const { sink } = simulate({ salesPerDay: 150 })
    const sales = new Map(sink.rows.sales.map((s) => [s.id, s]))
    const cashIn = new Map<number, number>()
    for (const payment of sink.rows.payments.filter((p) => p.method === 'cash')) {
      const sale = sales.get(payment.saleId)!
      cashIn.set(sale.registerSessionId, (cashIn.get(sale.registerSessionId) ?? 0) + payment.amountCents)
    }
    for (const sale of sink.rows.sales) {
      cashIn.set(sale.registerSessionId, (cashIn.get(sale.registerSessionId) ?? 0) - sale.changeCents)
    }
    // Only the cash part of a split refund leaves the drawer.
    const sessionOf = new Map(sink.rows.returns.map((r) => [r.id, r.registerSessionId]))
    const cashOut = sumBy(sink.rows.return_refunds.filter((r) => r.method === 'cash'), (r) => sessionOf.get(r.returnId)!, (r) => r.amountCents)
    for (const session of sink.rows.register_sessions) {
      const expected = session.openingFloatCents + (cashIn.get(session.id) ?? 0) - (cashOut.get(session.id) ?? 0)
      assert.equal(session.expectedCashCents, expected)
      assert.isAtLeast(session.countedCashCents, 0)
    }
  })
})

test.group('HistorySimulator: rollups and volume', () => {
  test('rollups equal the rows they summarise', ({ assert }) => {
    const { sink, simulator } = simulate({ salesPerDay: 120 })
    const dayOf = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toISODate()
    const sales = new Map(sink.rows.sales.map((s) => [s.id, s]))
    const saleLines = new Map(sink.rows.sale_lines.map((l) => [l.id, l]))
    const returns = new Map(sink.rows.returns.map((r) => [r.id, r]))

    const expected = new Map<string, number[]>()
    const add = (key: string, values: number[]) => {
      const row = expected.get(key) ?? [0, 0, 0, 0, 0]
      values.forEach((value, index) => (row[index] += value))
      expected.set(key, row)
    }
    for (const line of sink.rows.sale_lines) {
      const sale = sales.get(line.saleId)!
      add(`${dayOf(sale.createdAtMs)}|${sale.storeId}|${line.productId}`, [line.quantity, line.lineTotalCents, 1, 0, 0])
    }
    for (const line of sink.rows.return_lines) {
      const saleReturn = returns.get(line.returnId)!
      const saleLine = saleLines.get(line.saleLineId)!
      const sale = sales.get(saleLine.saleId)!
      add(`${dayOf(saleReturn.createdAtMs)}|${sale.storeId}|${saleLine.productId}`, [0, 0, 0, line.quantity, line.subtotalCents])
    }
    const actual = new Map(
      simulator.rollups
        .salesRollups()
        .map((r) => [`${r.day}|${r.storeId}|${r.productId}`, [r.quantitySold, r.revenueCents, r.saleCount, r.quantityReturned, r.refundedCents]])
    )
    assert.deepEqual([...actual.entries()].sort(), [...expected.entries()].sort())

    const registerTotals = sumBy(simulator.rollups.registerRollups(), (r) => r.registerId, (r) => r.totalCents - r.refundedTotalCents)
    const saleTotals = sumBy(sink.rows.sales, (s) => s.registerId, (s) => s.totalCents)
    for (const saleReturn of sink.rows.returns) {
      const registerId = sales.get(saleReturn.saleId)!.registerId
      saleTotals.set(registerId, saleTotals.get(registerId)! - saleReturn.totalCents)
    }
    assert.deepEqual([...registerTotals.entries()].sort(), [...saleTotals.entries()].sort())
  })

  test('the downtown store outsells the express store', ({ assert }) => {
    const { sink } = simulate()
    const perStore = sumBy(sink.rows.sales, (s) => s.storeId, () => 1)
    assert.isAbove(perStore.get(1)!, 2 * perStore.get(5)!)
  })

  test('a line target lands close to the number of lines written', ({ assert }) => {
    const world = smallWorld({ storeStock: 500, warehouseStock: 5000 })
    const salesPerDay = DemandModel.salesPerDayForLines(world, DAYS, 20_000)
    const sink = new CountingSink()
    const simulator = new HistorySimulator(world, DAYS, salesPerDay, seededRandom(3), freshIds(), sink)
    playAll(simulator)
    assert.approximately(sink.counts.sale_lines, 20_000, 20_000 * 0.08)
  })

  test('the same seed gives the same history, another seed another one', ({ assert }) => {
    const first = simulate({ seed: 11 }).sink
    const again = simulate({ seed: 11 }).sink
    const other = simulate({ seed: 12 }).sink
    assert.deepEqual(again.rows.sales, first.rows.sales)
    assert.deepEqual(again.rows.stock_movements, first.rows.stock_movements)
    assert.notDeepEqual(other.rows.sales, first.rows.sales)
  })

  test('stores stay closed on Christmas Day: no session, no sale', ({ assert }) => {
    const days = periodBefore('2026-12-27', 3, ZONE)
    const sink = new CollectingSink()
    const simulator = new HistorySimulator(smallWorld(), days, 50, seededRandom(1), freshIds(), sink)
    playAll(simulator)
    const christmas = days[1]
    assert.equal(christmas.date, '2026-12-25')
    assert.isFalse(sink.rows.sales.some((s) => s.createdAtMs >= christmas.startMs && s.createdAtMs < christmas.endMs))
    assert.isFalse(sink.rows.register_sessions.some((s) => s.openedAtMs >= christmas.startMs && s.openedAtMs < christmas.endMs))
    assert.isAbove(sink.rows.sales.length, 0)
  })
})
