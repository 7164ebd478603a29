import { test } from '@japa/runner'
import { seededRandom } from '#core/util/seeded_random'
import { computeTaxes, totalTax } from '#sales/taxes'
import { choosePayment, roundUpTo } from '#reporting/demo/payments'
import { toNickel } from '#sales/cash_rounding'
import { computeRefund } from '#reporting/demo/refunds'
import { QUEBEC_TAXES } from './fixtures.js'

test.group('refunds', () => {
  test('a full return refunds exactly the sale total', ({ assert }) => {
    const lines = [
      { quantity: 3, unitPriceCents: 120 },
      { quantity: 1, unitPriceCents: 350 },
    ]
    const subtotal = 710
    const saleTotal = subtotal + totalTax(computeTaxes(subtotal, QUEBEC_TAXES))
    const refund = computeRefund(lines, QUEBEC_TAXES)
    assert.deepEqual(refund.lineSubtotals, [360, 350])
    assert.equal(refund.totalCents, saleTotal)
  })

  test('taxes are rounded half-up on the returned subtotal', ({ assert }) => {
    // 120 ¢: TPS 6.00 → 6, TVQ 11.97 → 12.
    assert.deepEqual(computeRefund([{ quantity: 1, unitPriceCents: 120 }], QUEBEC_TAXES), {
      lineSubtotals: [120],
      subtotalCents: 120,
      taxCents: 18,
      totalCents: 138,
    })
  })

  test('a partial return never refunds more than the sale total', ({ assert }) => {
    const random = seededRandom(5)
    for (let i = 0; i < 2000; i++) {
      const sold = [1 + Math.floor(random() * 4), 1 + Math.floor(random() * 4)]
      const prices = [1 + Math.floor(random() * 999), 1 + Math.floor(random() * 999)]
      const subtotal = sold[0] * prices[0] + sold[1] * prices[1]
      const saleTotal = subtotal + totalTax(computeTaxes(subtotal, QUEBEC_TAXES))
      const refund = computeRefund([{ quantity: sold[0], unitPriceCents: prices[0] }], QUEBEC_TAXES)
      assert.isAtMost(refund.totalCents, saleTotal)
    }
  })
})

test.group('payments', () => {
  test('rounds cash up to the note handed over', ({ assert }) => {
    assert.equal(roundUpTo(1347, 2000), 2000)
    assert.equal(roundUpTo(2000, 2000), 2000)
    assert.equal(roundUpTo(1347, 0), 1347)
  })

  test('whatever the draw: tenders positive, paid − change = total + the cash rounding, change only in cash', ({ assert }) => {
    const random = seededRandom(8)
    const kinds = new Set<string>()
    const rounded = new Set<number>()
    for (let i = 0; i < 5000; i++) {
      const total = 1 + Math.floor(random() * 20_000)
      const payment = choosePayment(random, total)
      kinds.add(payment.kind)
      const paid = payment.tenders.reduce((sum, t) => sum + t.amountCents, 0)
      assert.equal(paid, payment.paidCents)
      assert.equal(payment.paidCents - payment.changeCents, total + payment.cashRoundingCents)
      assert.isTrue(payment.tenders.every((t) => t.amountCents > 0))
      if (payment.changeCents > 0) assert.equal(payment.kind, 'cash')
      const cash = payment.tenders.filter((t) => t.method === 'cash').reduce((sum, t) => sum + t.amountCents, 0)
      assert.equal(payment.cashKeptCents, cash - payment.changeCents)
      // Only what cash pays rounds, to the nickel (ADR 0023): a split's cash part is a round bill already.
      if (payment.kind === 'cash') assert.equal(payment.cashKeptCents, toNickel(total))
      else assert.equal(payment.cashRoundingCents, 0)
      if (payment.kind === 'cash') rounded.add(payment.cashRoundingCents)
    }
    assert.sameMembers([...kinds], ['cash', 'card', 'split'])
    assert.sameMembers([...rounded], [-2, -1, 0, 1, 2])
  })

  test('a free basket has no tender', ({ assert }) => {
    assert.deepEqual(choosePayment(seededRandom(1), 0).tenders, [])
  })
})
