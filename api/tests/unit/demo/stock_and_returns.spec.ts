import { test } from '@japa/runner'
import { seededRandom } from '#core/util/seeded_random'
import { businessDay, openingHoursOn, periodBefore } from '#reporting/demo/business_calendar'
import { storeProfileFor } from '#reporting/demo/profiles'
import {
  replenishmentTimeline,
  roundUpToCase,
  storeOrderQuantity,
  storeTriggerLevel,
  supplierOrderQuantity,
  warehouseTriggerLevel,
} from '#reporting/demo/replenishment_policy'
import { chooseReturnTime, isFullReturn, planReturnQuantities } from '#reporting/demo/return_planner'
import { StockBook } from '#reporting/demo/stock_book'

const ZONE = 'America/Toronto'

test.group('StockBook', () => {
  test('applies changes and returns the balance after each', ({ assert }) => {
    const book = new StockBook(2, 2)
    book.open(0, 1, 5)
    assert.equal(book.apply(0, 1, -3), 2)
    assert.equal(book.apply(0, 1, 10), 12)
    assert.equal(book.netChange(0, 1), 7)
  })

  test('refuses to go negative, a zero change, and a cell without a stock level', ({ assert }) => {
    const book = new StockBook(2, 2)
    book.open(0, 0, 1)
    assert.throws(() => book.apply(0, 0, -2), /negative/)
    assert.equal(book.level(0, 0), 1)
    assert.throws(() => book.apply(0, 0, 0), /zero/)
    assert.throws(() => book.apply(1, 1, 1), /does not stock/)
    assert.throws(() => book.level(5, 0), RangeError)
  })
})

test.group('return planning', () => {
  test('never returns more than sold and a partial return keeps something back', ({ assert }) => {
    const random = seededRandom(3)
    let full = 0
    for (let i = 0; i < 5000; i++) {
      const sold = Array.from({ length: 1 + Math.floor(random() * 6) }, () => 1 + Math.floor(random() * 4))
      const returned = planReturnQuantities(random, sold)
      assert.lengthOf(returned, sold.length)
      returned.forEach((quantity, index) => assert.isTrue(quantity >= 0 && quantity <= sold[index]))
      assert.isTrue(returned.some((quantity) => quantity > 0))
      if (isFullReturn(sold, returned)) full++
    }
    // 45 % full by choice, plus single-unit sales that can only come back whole.
    assert.isTrue(full / 5000 > 0.4 && full / 5000 < 0.65, `full share ${full / 5000}`)
  })

  test('a return happens while the store is open, after the sale, within 7 days', ({ assert }) => {
    const days = periodBefore('2026-07-01', 30, ZONE)
    const profile = storeProfileFor('Magasin Centre-Ville')
    const random = seededRandom(6)
    for (let i = 0; i < 2000; i++) {
      const saleDay = Math.floor(random() * 20)
      const saleAt = days[saleDay].hourStartMs[12] + Math.floor(random() * 3600) * 1000
      const when = chooseReturnTime(random, saleAt, saleDay, days, (day) => openingHoursOn(profile, day))!
      assert.isTrue(when.dayIndex >= saleDay && when.dayIndex <= saleDay + 7)
      const day = days[when.dayIndex]
      const hours = openingHoursOn(profile, day)!
      assert.isTrue(when.atMs >= day.hourStartMs[hours.open] && when.atMs < day.hourStartMs[hours.close])
      assert.isAtLeast(when.atMs, saleAt + 15 * 60_000)
    }
  })

  test('no return when the period ends first', ({ assert }) => {
    const days = [businessDay('2026-07-01', ZONE)]
    const profile = storeProfileFor('Magasin Centre-Ville')
    const lateSale = days[0].hourStartMs[20] + 50 * 60_000
    assert.isNull(chooseReturnTime(seededRandom(1), lateSale, 0, days, (day) => openingHoursOn(profile, day)))
  })
})

test.group('replenishment policy', () => {
  test('the trigger covers half a busy day, never less than the stored reorder point', ({ assert }) => {
    assert.equal(storeTriggerLevel(15, 10), 15)
    assert.equal(storeTriggerLevel(15, 300), 150)
    assert.equal(warehouseTriggerLevel(150, 1000), 2500)
  })

  test('orders come in whole cases and top the shelf up', ({ assert }) => {
    const quantity = storeOrderQuantity(10, 15, 100)
    assert.equal(quantity % 6, 0)
    assert.isAtLeast(10 + quantity, 200)
    assert.equal(storeOrderQuantity(1000, 15, 100), 0)
    assert.equal(supplierOrderQuantity(150, 100) % 24, 0)
    assert.equal(roundUpToCase(1, 24), 24)
    assert.equal(roundUpToCase(-3, 24), 0)
  })

  test('a request is approved, shipped and received in that order', ({ assert }) => {
    const random = seededRandom(2)
    for (let i = 0; i < 500; i++) {
      const t = replenishmentTimeline(random, 1_000_000)
      assert.isTrue(t.requestedAtMs < t.approvedAtMs && t.approvedAtMs < t.shippedAtMs && t.shippedAtMs < t.receivedAtMs)
      assert.isAtMost(t.receivedAtMs - t.requestedAtMs, 270 * 60_000)
    }
  })
})
