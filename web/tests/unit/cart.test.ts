import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { addToCart, decodeCart, encodeCart, setCartQuantity } from '../../app/lib/pos/cart.ts'

describe('cart encoding (what the session cookie keeps)', () => {
  test('round-trips ids and quantities only', () => {
    const entries = [
      { productId: 7, quantity: 2 },
      { productId: 12, quantity: 1 },
    ]
    assert.equal(encodeCart(entries), '7:2,12:1')
    assert.deepEqual(decodeCart('7:2,12:1'), entries)
  })

  test('drops malformed, zero, negative and duplicate parts instead of trusting them', () => {
    assert.deepEqual(decodeCart('7:2,abc,0:3,5:0,7:9,8:-1,9:1.5,10:3'), [
      { productId: 7, quantity: 2 },
      { productId: 10, quantity: 3 },
    ])
    assert.deepEqual(decodeCart(undefined), [])
    assert.deepEqual(decodeCart(''), [])
  })

  test('caps quantities at 1000 per line', () => {
    assert.deepEqual(decodeCart('7:9999'), [{ productId: 7, quantity: 1000 }])
  })
})

describe('cart changes', () => {
  test('scanning the same product again adds to its line', () => {
    const once = addToCart([], 7, 1)
    const twice = addToCart(once.entries, 7, 2)
    assert.deepEqual(twice.entries, [{ productId: 7, quantity: 3 }])
    assert.equal(twice.outcome, 'ok')
  })

  test('says when a line hit the cap or the cart is full', () => {
    assert.equal(addToCart([{ productId: 7, quantity: 999 }], 7, 5).outcome, 'capped')
    const full = Array.from({ length: 100 }, (_, i) => ({ productId: i + 1, quantity: 1 }))
    assert.equal(addToCart(full, 500, 1).outcome, 'full')
    assert.equal(addToCart(full, 1, 1).outcome, 'ok')
  })

  test('quantity 0 removes the line; unknown products are left alone', () => {
    const entries = [
      { productId: 7, quantity: 2 },
      { productId: 12, quantity: 1 },
    ]
    assert.deepEqual(setCartQuantity(entries, 7, 0), [{ productId: 12, quantity: 1 }])
    assert.deepEqual(setCartQuantity(entries, 12, 4), [
      { productId: 7, quantity: 2 },
      { productId: 12, quantity: 4 },
    ])
    assert.deepEqual(setCartQuantity(entries, 99, 4), entries)
  })
})
