import { test } from '@japa/runner'
import { cashRefundCents, roundCash, settleCash, toNickel } from '#sales/cash_rounding'

const cash = (cents: number) => ({ method: 'cash' as const, cents })
const card = (cents: number) => ({ method: 'card' as const, cents })

test.group('Cash rounding to the nickel', () => {
  test('1 and 2 cents round down, 3 and 4 up, as the Canadian rule says', ({ assert }) => {
    assert.deepEqual(
      [525, 526, 527, 528, 529, 530].map(toNickel),
      [525, 525, 525, 530, 530, 530]
    )
    assert.deepEqual([0, 1, 2, 3].map(toNickel), [0, 0, 0, 5])
    assert.equal(toNickel(-528), -530)
  })

  test('the cash due rounds; change is what was tendered beyond it', ({ assert }) => {
    // 5.27 due, a 10 $ bill: 5.25 kept, 4.75 back.
    assert.deepEqual(settleCash(527, 1000), { keptCents: 525, changeCents: 475, roundingCents: -2 })
    // 5.28 due: 5.30 kept, 4.70 back.
    assert.deepEqual(settleCash(528, 1000), { keptCents: 530, changeCents: 470, roundingCents: 2 })
    // Exactly the rounded due: no change.
    assert.deepEqual(settleCash(528, 530), { keptCents: 530, changeCents: 0, roundingCents: 2 })
    assert.deepEqual(settleCash(500, 500), { keptCents: 500, changeCents: 0, roundingCents: 0 })
  })

  test('the exact amount is always enough, as before rounding (integrations that send the total)', ({ assert }) => {
    assert.deepEqual(settleCash(528, 528), { keptCents: 528, changeCents: 0, roundingCents: 0 })
    assert.deepEqual(settleCash(528, 529), { keptCents: 529, changeCents: 0, roundingCents: 1 })
    // Rounded down, the exact amount leaves 2 cents of change.
    assert.deepEqual(settleCash(527, 527), { keptCents: 525, changeCents: 2, roundingCents: -2 })
  })

  test('less than both the exact and the rounded due does not settle', ({ assert }) => {
    assert.isNull(settleCash(528, 527))
    assert.isNull(settleCash(527, 524))
    // 5.26 due rounds to 5.25: 5.25 tendered settles it.
    assert.deepEqual(settleCash(526, 525), { keptCents: 525, changeCents: 0, roundingCents: -1 })
  })

  test('a cash refund rounds, within what the drawer took for the sale', ({ assert }) => {
    // The sale kept 3.20 for 3.22 of exact cash: 1.38 back is 1.40.
    assert.equal(cashRefundCents(138, { exactCents: 322, roundingCents: -2 }, false), 140)
    assert.equal(cashRefundCents(137, { exactCents: 322, roundingCents: -2 }, false), 135)
    // Never more than the drawer still holds for the sale: 0.06 of exact cash of which earlier roundings
    // left 0.03 in the drawer; 0.03 would round up to 0.05.
    assert.equal(cashRefundCents(3, { exactCents: 6, roundingCents: -3 }, false), 3)
  })

  test('the return that completes the sale hands back what its cash still holds', ({ assert }) => {
    // 3.22 kept as 3.20, 1.40 given back for 1.38: the last 1.84 is 1.80.
    assert.equal(cashRefundCents(184, { exactCents: 184, roundingCents: -4 }, true), 180)
    // 5.28 kept as 5.30 and refunded at once: 5.30.
    assert.equal(cashRefundCents(528, { exactCents: 528, roundingCents: 2 }, true), 530)
  })

  test("beyond the sale's cash (a manager's cash refund of a card sale) only the rounding applies", ({ assert }) => {
    assert.equal(cashRefundCents(1234, null, true), 1235)
    assert.equal(cashRefundCents(1234, { exactCents: 200, roundingCents: 0 }, true), 1235)
    assert.equal(cashRefundCents(0, null, false), 0)
  })

  test('refund parts: the cash one is rounded, the card one exact; a cash part rounding to nothing is dropped', ({ assert }) => {
    assert.deepEqual(roundCash([card(500), cash(184)], { exactCents: 184, roundingCents: -4 }, true), {
      parts: [card(500), cash(180)],
      cashRoundingCents: -4,
    })
    assert.deepEqual(roundCash([card(500)], null, false), { parts: [card(500)], cashRoundingCents: 0 })
    assert.deepEqual(roundCash([cash(2)], { exactCents: 100, roundingCents: 0 }, false), { parts: [], cashRoundingCents: -2 })
  })
})
