import { test } from '@japa/runner'
import { refundableByTender, refundMethodOf, splitRefund } from '#sales/refund_split'

const cash = (cents: number) => ({ method: 'cash' as const, cents })
const card = (cents: number) => ({ method: 'card' as const, cents })
const other = (cents: number) => ({ method: 'other' as const, cents })

test.group('Refund split across tenders', () => {
  test('cash counts net of change; earlier refunds come off their tender', ({ assert }) => {
    // 3.80 paid 2.00 by card and 5.00 in cash, 3.20 back: 1.80 of cash kept.
    assert.deepEqual(Object.fromEntries(refundableByTender([card(200), cash(500)], 320, [])), { card: 200, cash: 180 })
    assert.deepEqual(Object.fromEntries(refundableByTender([card(200), cash(500)], 320, [card(150), cash(30)])), {
      card: 50,
      cash: 150,
    })
  })

  test('a refund to a tender the sale did not use, or beyond a share, uses up the others: card, other, then cash', ({ assert }) => {
    // A manager refunded 2.50 in cash on a card + other sale.
    assert.deepEqual(Object.fromEntries(refundableByTender([card(200), other(300)], 0, [cash(250)])), { card: 0, other: 250 })
    // A return from before the split sent 3.00 to a 2.00 card: the extra 1.00 came out of the cash.
    assert.deepEqual(Object.fromEntries(refundableByTender([card(200), cash(500)], 320, [card(300)])), { card: 0, cash: 80 })
  })

  test('one tender when one holds it all, cash first; else card, other, then cash', ({ assert }) => {
    const left = new Map([
      ['card', 200],
      ['cash', 180],
    ] as const)
    assert.deepEqual(splitRefund(150, new Map(left)), [cash(150)])
    assert.deepEqual(splitRefund(190, new Map(left)), [card(190)])
    assert.deepEqual(splitRefund(380, new Map(left)), [card(200), cash(180)])
    assert.deepEqual(
      splitRefund(
        600,
        new Map([
          ['cash', 100],
          ['other', 250],
          ['card', 250],
        ])
      ),
      [card(250), other(250), cash(100)]
    )
    assert.deepEqual(splitRefund(0, new Map(left)), [])
  })

  test('the method recorded: the one tender, or mixed', ({ assert }) => {
    assert.equal(refundMethodOf([card(200)], 'cash'), 'card')
    assert.equal(refundMethodOf([card(200), cash(180)], 'cash'), 'mixed')
    assert.equal(refundMethodOf([], 'other'), 'other')
  })
})
