// The receipt's paper: 80 mm wide and as long as the ticket. `size: 80mm auto`, which the
// stylesheet used to say, is invalid CSS: Chromium dropped it and printed on Letter paper.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'

import { receiptPageRule } from '../../app/lib/pos/receipt-paper.ts'

test('the page is 80 mm wide and as long as the ticket, plus the margins', () => {
  // 96 CSS px = 1 in = 25.4 mm: a 378 px ticket is 100.0 mm, rounded up, + 2 × 4 mm.
  assert.equal(receiptPageRule(378), '@page { size: 80mm 109mm; margin: 4mm; }')
  assert.equal(receiptPageRule(377.95), '@page { size: 80mm 108mm; margin: 4mm; }')
})

test('a ticket that could not be measured gets the stylesheet’s own page', () => {
  for (const height of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.equal(receiptPageRule(height), '@page { size: 80mm 297mm; margin: 4mm; }')
  }
})

test('the stylesheet’s @page size is valid CSS: two lengths, no `auto` next to one', () => {
  const css = readFileSync(new URL('../../app/styles/receipt.css', import.meta.url), 'utf8')
  const sizes = [...css.matchAll(/^\s*size:\s*([^;]+);/gm)].map((match) => match[1])
  assert.deepEqual(sizes, ['80mm 297mm'])
})
