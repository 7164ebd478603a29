import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { PREVIEW_TAX_RATES, previewTotals, settle, taxOn } from '../../app/lib/pos/taxes.ts'

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
    const totals = previewTotals([
      { unitPriceCents: 95, quantity: 1 },
      { unitPriceCents: 95, quantity: 1 },
    ])
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
    const totals = previewTotals([
      { unitPriceCents: 120, quantity: 2 },
      { unitPriceCents: 110, quantity: 1 },
      { unitPriceCents: 249, quantity: 1 },
    ])
    assert.equal(totals.subtotalCents, 599)
    assert.equal(totals.totalCents, 599 + 30 + 60)
  })

  test('an empty cart costs nothing', () => {
    const totals = previewTotals([])
    assert.equal(totals.totalCents, 0)
    assert.equal(totals.taxes.length, PREVIEW_TAX_RATES.length)
  })
})

describe('settle (card and cash against a total)', () => {
  test('cash over the total is change', () => {
    assert.deepEqual(settle(689, { cardCents: 500, cashCents: 1000 }), {
      paidCents: 1500,
      missingCents: 0,
      changeCents: 811,
      cardExceedsTotal: false,
      covered: true,
    })
  })

  test('short payments say how much is missing', () => {
    const outcome = settle(689, { cardCents: 0, cashCents: 500 })
    assert.equal(outcome.missingCents, 189)
    assert.equal(outcome.covered, false)
  })

  test('a card cannot pay more than the total (change is cash only)', () => {
    const outcome = settle(689, { cardCents: 700, cashCents: 0 })
    assert.equal(outcome.cardExceedsTotal, true)
    assert.equal(outcome.covered, false)
  })
})
