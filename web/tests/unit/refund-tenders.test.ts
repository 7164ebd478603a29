import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatMoney } from '../../app/lib/format.ts'
import { translator } from '../../app/lib/i18n/index.ts'
import { refundsByTender, tenderRefundsText } from '../../app/lib/pos/refund-tenders.ts'

describe('what a sale’s returns gave back to each tender', () => {
  test('the API’s parts become cents, in its order (card, then cash)', () => {
    const parts = refundsByTender({
      remboursements_par_mode: [
        { mode: 'carte', montant: '5.00' },
        { mode: 'especes', montant: '3.22' },
      ],
    })
    assert.deepEqual(parts, [
      { mode: 'carte', cents: 500 },
      { mode: 'especes', cents: 322 },
    ])
  })

  test('nothing refunded, or an API from before the field: no parts (the page shows the total alone)', () => {
    assert.deepEqual(refundsByTender({ remboursements_par_mode: [] }), [])
    assert.deepEqual(refundsByTender({}), [])
    assert.deepEqual(refundsByTender({ remboursements_par_mode: [{ mode: 'autre', montant: '0.00' }] }), [])
  })

  test('a money amount not in the API’s format is a contract breach, not a zero', () => {
    assert.throws(() => refundsByTender({ remboursements_par_mode: [{ mode: 'carte', montant: '5' }] }), RangeError)
  })

  test('read in French and in English, each tender named with its amount', () => {
    const parts = [
      { mode: 'carte' as const, cents: 500 },
      { mode: 'especes' as const, cents: 322 },
    ]
    assert.equal(tenderRefundsText(translator('fr'), parts), `Carte : ${formatMoney(500)} · Espèces : ${formatMoney(322)}`)
    assert.equal(tenderRefundsText(translator('en'), parts), `Card: ${formatMoney(500)} · Cash: ${formatMoney(322)}`)
  })
})
