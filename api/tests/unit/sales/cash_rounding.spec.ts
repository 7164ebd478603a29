import { test } from '@japa/runner'
import { cashHandedBackFor, cashRefundCents, pendingRoundingCents, roundCash, settleCash, toNickel } from '#sales/cash_rounding'

const cash = (cents: number) => ({ method: 'cash' as const, cents })
const card = (cents: number) => ({ method: 'card' as const, cents })

test.group('Cash rounding to the nickel', () => {
  test('1 and 2 cents round down, 3 and 4 up, as the Canadian rule says', ({ assert }) => {
    assert.deepEqual(
      [525, 526, 527, 528, 529, 530].map(toNickel),
      [525, 525, 525, 530, 530, 530]
    )
    assert.deepEqual([0, 1, 2, 3].map(toNickel), [0, 0, 0, 5])
    assert.deepEqual([-528, -527, -3, -2].map(toNickel), [-530, -525, -5, 0])
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

  test('the exact amount is always enough and kept as handed (cent coins, integrations that send the total)', ({ assert }) => {
    assert.deepEqual(settleCash(528, 528), { keptCents: 528, changeCents: 0, roundingCents: 0 })
    assert.deepEqual(settleCash(527, 527), { keptCents: 527, changeCents: 0, roundingCents: 0 })
    // One cent short of a due rounded up: kept as handed.
    assert.deepEqual(settleCash(528, 529), { keptCents: 529, changeCents: 0, roundingCents: 1 })
  })

  test('between the rounded and the exact due: kept as handed, never a cent of change', ({ assert }) => {
    assert.deepEqual(settleCash(822, 821), { keptCents: 821, changeCents: 0, roundingCents: -1 })
    assert.deepEqual(settleCash(2, 1), { keptCents: 1, changeCents: 0, roundingCents: -1 })
    // A 0,02 $ due rounds to nothing in cash: a nickel handed over comes back.
    assert.deepEqual(settleCash(2, 5), { keptCents: 0, changeCents: 5, roundingCents: -2 })
    assert.deepEqual(settleCash(0, 5), { keptCents: 0, changeCents: 5, roundingCents: 0 })
  })

  test('less than both the exact and the rounded due does not settle', ({ assert }) => {
    assert.isNull(settleCash(528, 527))
    assert.isNull(settleCash(527, 524))
    // 5.26 due rounds to 5.25: 5.25 tendered settles it.
    assert.deepEqual(settleCash(526, 525), { keptCents: 525, changeCents: 0, roundingCents: -1 })
  })

  /** A sale's cash: exact share, drawer kept, and its earlier refunds (what is left: the rest of the exact share, unless said). */
  const saleCash = (exactCents: number, keptCents: number, refundedExactCents = 0, handedBackCents = 0, exactLeftCents = exactCents - refundedExactCents) => ({
    exactCents,
    keptCents,
    exactLeftCents,
    refundedExactCents,
    handedBackCents,
  })

  test('a cash refund rounds on the running total, within what the drawer kept', ({ assert }) => {
    // 8.22 paid 10.00 in cash: kept 8.20 for 8.22 of exact cash.
    assert.equal(cashRefundCents(138, saleCash(822, 820)), 140)
    assert.equal(cashRefundCents(137, saleCash(822, 820)), 135)
    // After 1.38 refunded as 1.40: 2.19 more is 3.57 in all, 3.55, so 2.15 now.
    assert.equal(cashRefundCents(219, saleCash(822, 820, 138, 140)), 215)
    // The last of it hands back what the drawer kept: 8.20 − 3.55.
    assert.equal(cashRefundCents(465, saleCash(822, 820, 357, 355)), 465)
    // Never above what the drawer kept, even when the exact amount would round up to more.
    assert.equal(cashHandedBackFor({ exactCents: 138, keptCents: 138 }, 138, true), 138)
    assert.equal(cashHandedBackFor({ exactCents: 138, keptCents: 138 }, 137, false), 135)
    assert.equal(cashHandedBackFor({ exactCents: 139, keptCents: 139 }, 138, false), 139)
  })

  test('parts too small to hand back alone are handed back with a later one', ({ assert }) => {
    // Two items of 0.02 paid 0.05: the first 0.02 rounds to nothing, the last gives back the 0.05.
    assert.equal(cashRefundCents(2, saleCash(4, 5)), 0)
    assert.equal(cashRefundCents(2, saleCash(4, 5, 2, 0)), 5)
    // Five items of 0.01: nothing, nothing, 0.05 (0.03 in all), nothing, nothing: 0.05 for 0.05.
    const handed: number[] = []
    let refunded = 0
    let back = 0
    for (let i = 0; i < 5; i++) {
      const cents = cashRefundCents(1, saleCash(5, 5, refunded, back))
      handed.push(cents)
      refunded += 1
      back += cents
    }
    assert.deepEqual(handed, [0, 0, 5, 0, 0])
  })

  test('once another tender took some of the sale’s cash (a manager’s « autre »), the last cash part settles what the drawer kept', ({ assert }) => {
    // 2 × 0.02 paid 0.05; 0.02 went back as store credit, which used up that much of the cash: the
    // last 0.02 leaves the drawer 0.05 − 0.02 of the sale, to the nickel: 0.05 (0.07 back for 0.05, not 0.02).
    assert.equal(cashRefundCents(2, saleCash(4, 5, 0, 0, 2)), 5)
    // 3.35 paid exactly, 1.12 back as credit, the rest (2.23) in cash: 2.25.
    assert.equal(cashRefundCents(223, saleCash(335, 335, 0, 0, 223)), 225)
  })

  test("beyond the sale's cash (a manager's cash refund of a card sale) the running total rounds too", ({ assert }) => {
    const cardSale = saleCash(0, 0)
    assert.equal(cashRefundCents(1234, cardSale), 1235)
    // Three items of 0.03 refunded one by one: 0.05, 0.00, 0.05 — 0.10 for 0.09, not 0.15.
    assert.equal(cashRefundCents(3, cardSale), 5)
    assert.equal(cashRefundCents(3, saleCash(0, 0, 3, 5, 0)), 0)
    assert.equal(cashRefundCents(3, saleCash(0, 0, 6, 5, 0)), 5)
    assert.equal(cashRefundCents(0, cardSale), 0)
    // 1.16 paid 1.13 by card and 0.05 in cash (0.03 due): all of it back in cash is 1.20 for the 1.18 paid.
    assert.equal(cashRefundCents(116, saleCash(3, 5)), 120)
  })

  test('refund parts: the cash one is rounded, the card one exact; a cash part coming to nothing is dropped', ({ assert }) => {
    // 3.22 of exact cash kept as 3.20, 1.38 of it refunded as 1.40: the last 1.84 is 1.80.
    assert.deepEqual(roundCash([card(500), cash(184)], saleCash(322, 320, 138, 140)), { parts: [card(500), cash(180)], cashRoundingCents: -4 })
    assert.deepEqual(roundCash([card(500)], saleCash(322, 320)), { parts: [card(500)], cashRoundingCents: 0 })
    assert.deepEqual(roundCash([cash(2)], saleCash(822, 820)), { parts: [], cashRoundingCents: -2 })
  })

  test('a refund with no cash part that uses up the sale\'s cash settles the pending rounding on its last part', ({ assert }) => {
    const other = (cents: number) => ({ method: 'other' as const, cents })
    // 1.42 kept as 1.40; 0.04 of it handed back as 0.05: 1.38 left, and 0.03 given beyond the exact amounts.
    const kept140 = saleCash(142, 140, 4, 5)
    assert.equal(pendingRoundingCents(kept140), -3)
    assert.deepEqual(roundCash([other(138)], kept140, true), { parts: [other(135)], cashRoundingCents: -3 })
    // Not using it up (or a cash part present): nothing to settle yet.
    assert.deepEqual(roundCash([other(100)], kept140, false), { parts: [other(100)], cashRoundingCents: 0 })
    // 1.28 kept as 1.30; 0.01 refunded, nothing handed back: 0.03 owed.
    assert.deepEqual(roundCash([other(127)], saleCash(128, 130, 1, 0), true), { parts: [other(130)], cashRoundingCents: 3 })
    // Never below nothing: a part smaller than what was over-given is dropped, not turned negative.
    assert.deepEqual(roundCash([other(1)], saleCash(142, 140, 4, 5, 1), true), { parts: [], cashRoundingCents: -1 })
  })
})
