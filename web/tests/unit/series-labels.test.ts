import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { translator } from '../../app/lib/i18n/index.ts'
import { averageTicketText, bucketLabel } from '../../app/lib/reports/series-labels.ts'

const NBSP = '\u00a0'
const t = translator('fr')

describe('the sales series’ bucket labels', () => {
  test('a whole week is « Semaine du … », a whole month its name', () => {
    assert.equal(bucketLabel({ start: '2026-11-16', end: '2026-11-22' }, 'weekly', t), 'Semaine du 16 nov.')
    assert.equal(bucketLabel({ start: '2026-11-01', end: '2026-11-30' }, 'monthly', t), 'novembre 2026')
    assert.equal(bucketLabel({ start: '2028-02-01', end: '2028-02-29' }, 'monthly', t), 'février 2028')
  })

  test('a week or a month cut by the period is named by its days, not as a whole one', () => {
    // 2025-08-28 is a Thursday: the API's first weekly bucket of a period from then is Thursday to Sunday.
    // (Past years, so the ranges carry their year whenever the test runs.)
    assert.equal(bucketLabel({ start: '2025-08-28', end: '2025-08-31' }, 'weekly', t), '28 août – 31 août 2025')
    assert.equal(bucketLabel({ start: '2025-12-08', end: '2025-12-08' }, 'weekly', t, true), '8 déc. 2025')
    assert.equal(bucketLabel({ start: '2025-12-15', end: '2025-12-31' }, 'monthly', t), '15 déc. – 31 déc. 2025')
    assert.equal(bucketLabel({ start: '2025-12-01', end: '2025-12-07' }, 'monthly', t), '1er déc. – 7 déc. 2025')
  })

  test('days stay days', () => {
    assert.equal(bucketLabel({ start: '2026-12-05', end: '2026-12-05' }, 'daily', t), '5 décembre 2026')
    assert.equal(bucketLabel({ start: '2026-12-05', end: '2026-12-05' }, 'daily', t, true), '5 déc.')
  })
})

describe('a bucket’s average ticket', () => {
  test('none without a sale, as the KPI card says it', () => {
    assert.equal(averageTicketText({ sales: 0, averageTicketCents: 0 }), '—')
    assert.equal(averageTicketText({ sales: 3, averageTicketCents: 665 }), `6,65${NBSP}$`)
  })

  test('a store without a sale in the period has none either (its row in the stores table)', () => {
    const store = { storeId: 5, name: 'Magasin Express', sales: 0, revenueCents: 0, averageTicketCents: 0, refundsCents: 0, rating: 'Poor' as const }
    assert.equal(averageTicketText(store), '—')
  })
})
