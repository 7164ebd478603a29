import { test } from '@japa/runner'
import { amountProblem } from '#core/money_input'

const limits = { max: 10_000_000 }

test.group('amountProblem', () => {
  test('accepts numbers and decimal strings of at most two decimals, from 0 to the limit', ({ assert }) => {
    for (const amount of [0, 12, 12.5, 12.34, '0', '12', '12.5', ' 12.34 ', '10000000', 10_000_000, '00012.30']) {
      assert.isNull(amountProblem(amount, limits), String(amount))
    }
  })

  test('says what is wrong, the same for a number and its string', ({ assert }) => {
    const tooLarge = 'The {{ field }} field must not be greater than 10000000'
    for (const amount of [99_999_999_999, '99999999999', '10000000.01', 1e21, '123456789012345678901234567890']) {
      assert.equal(amountProblem(amount, limits), tooLarge, String(amount))
    }
    for (const amount of [-5, '-5', '-0.01']) assert.equal(amountProblem(amount, limits), 'The {{ field }} field must be at least 0', String(amount))
    for (const amount of [1.005, '1.005', '1.200', 1e-7]) {
      assert.equal(amountProblem(amount, limits), 'The {{ field }} field must have at most two decimals', String(amount))
    }
    for (const amount of ['douze', '1,50', '1e3', '0x10', '', '.5', Number.NaN, Infinity, true, null, [5]]) {
      assert.equal(amountProblem(amount, limits), 'The {{ field }} field must be an amount such as "12.50"', String(amount))
    }
  })

  test('a payment must be more than zero, and says so for a negative one too', ({ assert }) => {
    for (const amount of [0, '0.00', -5, '-0.01']) {
      assert.equal(amountProblem(amount, { ...limits, positive: true }), 'The {{ field }} field must be greater than 0', String(amount))
    }
    assert.isNull(amountProblem('0.01', { ...limits, positive: true }))
  })
})
