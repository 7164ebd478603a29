import { test } from '@japa/runner'
import { returnWindowHours } from '#sales/return_window_setting'

test.group('RETURN_WINDOW_HOURS', () => {
  test('unset or empty leaves the default (24 h, in return_window.ts)', ({ assert }) => {
    assert.isUndefined(returnWindowHours('RETURN_WINDOW_HOURS'))
    assert.isUndefined(returnWindowHours('RETURN_WINDOW_HOURS', ''))
  })

  test('whole hours from 1 to a year', ({ assert }) => {
    assert.equal(returnWindowHours('RETURN_WINDOW_HOURS', '1'), 1)
    assert.equal(returnWindowHours('RETURN_WINDOW_HOURS', '72'), 72)
    assert.equal(returnWindowHours('RETURN_WINDOW_HOURS', '8784'), 8784)
  })

  test('anything else stops the API at start, naming the variable and the value', ({ assert }) => {
    // Number('24h') is NaN: every deadline would have been an invalid date.
    for (const bad of ['24h', 'abc', '0', '-5', '1.5', '8785', ' 24']) {
      assert.throws(() => returnWindowHours('RETURN_WINDOW_HOURS', bad), new RegExp(`RETURN_WINDOW_HOURS must be .*"${bad.replace('.', '\\.')}"`))
    }
  })
})
