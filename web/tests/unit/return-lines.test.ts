import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { cancelBody, returnBody, returnedLines } from '../../app/lib/returns.ts'

describe('a return as the API takes it', () => {
  test('a line: whole items back to stock, damaged ones apart', () => {
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 3, damaged: 0 }), [{ ligne_id: 7, quantite: 3 }])
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 2, damaged: 2 }), [{ ligne_id: 7, quantite: 2, remis_en_stock: false }])
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 3, damaged: 1 }), [
      { ligne_id: 7, quantite: 2 },
      { ligne_id: 7, quantite: 1, remis_en_stock: false },
    ])
  })

  test('the page’s register pays and counts the refund, whichever register sold', () => {
    const input = { lines: [{ lineId: 7, quantity: 1, damaged: 0 }], reason: 'Pain rassis', refundMethod: 'especes' as const, idempotencyKey: 'k' }
    assert.deepEqual(returnBody(input, 12), {
      lignes: [{ ligne_id: 7, quantite: 1 }],
      motif: 'Pain rassis',
      mode_remboursement: 'especes',
      caisse_id: 12,
    })
    assert.deepEqual(cancelBody({ reason: 'Erreur', refundMethod: 'original' }, 12), { motif: 'Erreur', mode_remboursement: 'original', caisse_id: 12 })
  })
})
