import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { centsFromWire, centsToInput, centsToWire, parseMoneyInput } from '../../app/lib/money.ts'

describe('parseMoneyInput (what a clerk types)', () => {
  test('accepts a decimal comma or dot, with or without cents', () => {
    assert.equal(parseMoneyInput('12,50'), 1250)
    assert.equal(parseMoneyInput('12.5'), 1250)
    assert.equal(parseMoneyInput('12'), 1200)
    assert.equal(parseMoneyInput('0,05'), 5)
    assert.equal(parseMoneyInput(' 150,00 '), 15000)
  })

  test('accepts thousands separators and a trailing dollar sign', () => {
    assert.equal(parseMoneyInput('1 234,56'), 123456)
    assert.equal(parseMoneyInput('1\u00a0234,56\u00a0$'), 123456)
    assert.equal(parseMoneyInput('10 $'), 1000)
  })

  test('refuses what is not an amount', () => {
    for (const input of ['', 'abc', '-5', '1,234', '12,345', '1.2.3', '1e3', '12,', ',5', '$', null, undefined]) {
      assert.equal(parseMoneyInput(input), null, String(input))
    }
  })

  test('refuses absurd amounts', () => {
    assert.equal(parseMoneyInput('1000000'), 100_000_000)
    assert.equal(parseMoneyInput('1000000,01'), null)
  })
})

describe('wire amounts ("1.20" strings from the API)', () => {
  test('round-trip through cents exactly', () => {
    for (const wire of ['0.00', '0.05', '1.20', '6.89', '-2.55', '123456789.99']) {
      assert.equal(centsToWire(centsFromWire(wire)), wire)
    }
  })

  test('refuse anything but the API format', () => {
    for (const wire of ['1.2', '1', '1.234', 'abc', '']) assert.throws(() => centsFromWire(wire), RangeError, wire)
    assert.throws(() => centsToWire(1.5), RangeError)
  })

  test('give back the value for an amount field', () => {
    assert.equal(centsToInput(1250), '12,50')
  })
})
