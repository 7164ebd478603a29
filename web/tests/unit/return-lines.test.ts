import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { returnedLines } from '../../app/lib/returns.ts'

describe('a returned line as the API takes it: whole items back to stock, damaged ones apart', () => {
  test('all whole, all damaged, or part of each', () => {
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 3, damaged: 0 }), [{ ligne_id: 7, quantite: 3 }])
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 2, damaged: 2 }), [{ ligne_id: 7, quantite: 2, remis_en_stock: false }])
    assert.deepEqual(returnedLines({ lineId: 7, quantity: 3, damaged: 1 }), [
      { ligne_id: 7, quantite: 2 },
      { ligne_id: 7, quantite: 1, remis_en_stock: false },
    ])
  })
})
