import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { exactCashCents, previewTotals, ratePpmFromPercent, settle, storeTaxRates, taxOn, toNickel } from '../../app/lib/pos/taxes.ts'

// Store 1 as GET /api/v1/stores/1 describes its taxes.
const QUEBEC = storeTaxRates([
  { code: 'TPS', libelle: 'TPS (5 %)', taux: '5.000' },
  { code: 'TVQ', libelle: 'TVQ (9,975 %)', taux: '9.975' },
])

describe('taxOn (the API rule: integer cents, half-up)', () => {
  test('rounds half up, never down at .5', () => {
    assert.equal(taxOn(10, 50_000), 1) // 0.5 → 1
    assert.equal(taxOn(9, 50_000), 0) // 0.45 → 0
    assert.equal(taxOn(110, 99_750), 11) // 10.9725 → 11
    assert.equal(taxOn(599, 50_000), 30) // 29.95 → 30
    assert.equal(taxOn(599, 99_750), 60) // 59.75 → 60
  })

  test('is exact for amounts where floats drift', () => {
    // 1005 × 5 % = 50.25 → 50; 2010 × 9.975 % = 200.4975 → 200
    assert.equal(taxOn(1005, 50_000), 50)
    assert.equal(taxOn(2010, 99_750), 200)
    assert.equal(taxOn(0, 99_750), 0)
  })
})

describe('previewTotals', () => {
  test('taxes the subtotal once (not line by line) and adds them', () => {
    // Two 0.95 lines: per-line TVQ would be 0.09 + 0.09 = 0.18; on the subtotal it is 0.19.
    const totals = previewTotals(
      [
        { unitPriceCents: 95, quantity: 1 },
        { unitPriceCents: 95, quantity: 1 },
      ],
      QUEBEC
    )
    assert.equal(totals.subtotalCents, 190)
    assert.deepEqual(
      totals.taxes.map((t) => [t.code, t.amountCents]),
      [
        ['TPS', 10],
        ['TVQ', 19],
      ]
    )
    assert.equal(totals.taxCents, 29)
    assert.equal(totals.totalCents, 219)
  })

  test('matches the sale of the end-to-end flow (2 × 1.20 + 1.10 + 2.49)', () => {
    const totals = previewTotals(
      [
        { unitPriceCents: 120, quantity: 2 },
        { unitPriceCents: 110, quantity: 1 },
        { unitPriceCents: 249, quantity: 1 },
      ],
      QUEBEC
    )
    assert.equal(totals.subtotalCents, 599)
    assert.equal(totals.totalCents, 599 + 30 + 60)
  })

  test('an empty cart costs nothing', () => {
    const totals = previewTotals([], QUEBEC)
    assert.equal(totals.totalCents, 0)
    assert.equal(totals.taxes.length, QUEBEC.length)
  })

  test('taxes at the store’s own rates, whatever they are', () => {
    const ontario = storeTaxRates([{ code: 'TVH', libelle: 'TVH (13 %)', taux: '13.000' }])
    const totals = previewTotals([{ unitPriceCents: 1000, quantity: 1 }], ontario)
    assert.deepEqual(totals.taxes, [{ code: 'TVH', label: 'TVH (13 %)', ratePpm: 130_000, amountCents: 130 }])
    assert.equal(totals.totalCents, 1130)
    assert.equal(previewTotals([{ unitPriceCents: 1000, quantity: 1 }], []).totalCents, 1000, 'a store that collects no tax')
  })
})

describe('the store’s rates as the API publishes them (percent, three decimals)', () => {
  test('become exact parts per million', () => {
    assert.equal(ratePpmFromPercent('5.000'), 50_000)
    assert.equal(ratePpmFromPercent('9.975'), 99_750)
    assert.equal(ratePpmFromPercent('13'), 130_000)
    assert.equal(ratePpmFromPercent('0.001'), 10)
    // 1.005 × 10 000 is 10 049.999… in floats.
    assert.equal(ratePpmFromPercent('1.005'), 10_050)
  })

  test('keep the store’s order and labels', () => {
    assert.deepEqual(QUEBEC, [
      { code: 'TPS', label: 'TPS (5 %)', ratePpm: 50_000 },
      { code: 'TVQ', label: 'TVQ (9,975 %)', ratePpm: 99_750 },
    ])
  })

  test('refuse what they cannot read exactly rather than guess', () => {
    for (const odd of ['', '9,975', '-5', '5.00001', 'NaN', '1e2']) {
      assert.throws(() => ratePpmFromPercent(odd), RangeError, odd)
    }
  })
})

describe('settle (card and cash against a total)', () => {
  test('cash over the total is change', () => {
    // 1.89 left for cash is due as 1.90 (to the nickel): 8.10 back.
    assert.deepEqual(settle(689, { cardCents: 500, cashCents: 1000 }), {
      paidCents: 1500,
      missingCents: 0,
      changeCents: 810,
      cashRoundingCents: 1,
      cardExceedsTotal: false,
      covered: true,
    })
  })

  test('cash settles to the nickel, as the API does: 8.22 is 8.20 in cash; a card pays to the cent', () => {
    assert.deepEqual([525, 526, 527, 528, 529, 530, 1, 2, 3].map(toNickel), [525, 525, 525, 530, 530, 530, 0, 0, 5])
    assert.deepEqual(settle(822, { cardCents: 0, cashCents: 820 }), {
      paidCents: 820,
      missingCents: 0,
      changeCents: 0,
      cashRoundingCents: -2,
      cardExceedsTotal: false,
      covered: true,
    })
    assert.equal(settle(822, { cardCents: 0, cashCents: 1000 }).changeCents, 180)
    assert.equal(settle(822, { cardCents: 0, cashCents: 815 }).missingCents, 5)
    assert.equal(settle(822, { cardCents: 822, cashCents: 0 }).cashRoundingCents, 0)
    assert.equal(settle(822, { cardCents: 821, cashCents: 0 }).missingCents, 1)
    // The exact amount is kept as handed (cent coins, what an integration sends): 1.38 rounds up to 1.40, 5.27 down to 5.25.
    assert.equal(settle(527, { cardCents: 0, cashCents: 527 }).changeCents, 0)
    assert.equal(settle(527, { cardCents: 0, cashCents: 527 }).cashRoundingCents, 0)
    assert.deepEqual(settle(138, { cardCents: 0, cashCents: 138 }), {
      paidCents: 138,
      missingCents: 0,
      changeCents: 0,
      cashRoundingCents: 0,
      cardExceedsTotal: false,
      covered: true,
    })
    assert.equal(settle(138, { cardCents: 0, cashCents: 137 }).missingCents, 3)
    // Between the rounded and the exact due: kept as handed, no cent of change (a coin nobody has).
    assert.deepEqual([settle(822, { cardCents: 0, cashCents: 821 }).changeCents, settle(822, { cardCents: 0, cashCents: 821 }).cashRoundingCents], [0, -1])
    assert.deepEqual([exactCashCents(822), exactCashCents(2), exactCashCents(0)], [820, 2, 0])
    assert.throws(() => toNickel(-3), RangeError)
  })

  test('short payments say how much is missing', () => {
    // In cash, what is missing is to the nickel (6.89 is 6.90 in cash); by card, to the cent.
    const outcome = settle(689, { cardCents: 0, cashCents: 500 })
    assert.equal(outcome.missingCents, 190)
    assert.equal(outcome.covered, false)
    assert.equal(settle(689, { cardCents: 500, cashCents: 0 }).missingCents, 189)
  })

  test('a card cannot pay more than the total (change is cash only)', () => {
    const outcome = settle(689, { cardCents: 700, cashCents: 0 })
    assert.equal(outcome.cardExceedsTotal, true)
    assert.equal(outcome.covered, false)
  })
})
