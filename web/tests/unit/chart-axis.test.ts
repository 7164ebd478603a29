import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatMoneyCompact } from '../../app/lib/format.ts'
import { moneyTicks, niceStep } from '../../app/lib/reports/axis.ts'

const NBSP = '\u00a0'
const labels = (values: number[]) => moneyTicks(values).map((cents) => formatMoneyCompact(cents).replaceAll(NBSP, ' '))

describe('money axis ticks', () => {
  test('round steps, ending on the first tick past the highest bar (was « 0 $, 9 $, 18 $, 27 $, 34,1 $ »)', () => {
    assert.deepEqual(moneyTicks([1200, 3410, 800]), [0, 1000, 2000, 3000, 4000])
    assert.deepEqual(labels([1200, 3410, 800]), ['0 $', '10 $', '20 $', '30 $', '40 $'])
  })

  test('steps of 1, 2, 2.5 and 5 × 10ⁿ dollars', () => {
    assert.deepEqual([100, 101, 200, 201, 500, 501, 1000, 2001, 2501, 5001, 25_000, 99_999].map(niceStep), [
      100, 200, 200, 500, 500, 1000, 1000, 2500, 5000, 10_000, 25_000, 100_000,
    ])
    assert.deepEqual(labels([98_000]), ['0 $', '250 $', '500 $', '750 $', '1 k $'])
    assert.deepEqual(labels([123_456]), ['0 $', '500 $', '1 k $', '1,5 k $'])
    assert.deepEqual(labels([900_000]), ['0 $', '2,5 k $', '5 k $', '7,5 k $', '10 k $'])
    assert.deepEqual(labels([480_000]), ['0 $', '2 k $', '4 k $', '6 k $'])
  })

  test('no decimals on whole-dollar ticks, whatever the data', () => {
    for (const max of [1, 99, 401, 3410, 7777, 12_345, 987_654, 12_345_678]) {
      for (const label of labels([max])) assert.doesNotMatch(label, /,\d+ \$$/, `${label} (max ${max})`)
      const ticks = moneyTicks([max])
      assert.ok(ticks.every((tick) => tick % 100 === 0), `whole dollars for ${max}: ${ticks}`)
      assert.ok(ticks.at(-1)! >= max && ticks.length >= 3 && ticks.length <= 6, `${ticks} covers ${max}`)
    }
  })

  test('at least 0–4 $ (no sales), and below zero for a day of refunds', () => {
    assert.deepEqual(moneyTicks([]), [0, 100, 200, 300, 400])
    assert.deepEqual(moneyTicks([0, 0]), [0, 100, 200, 300, 400])
    assert.deepEqual(moneyTicks([-1500, 2600]), [-2000, 0, 2000, 4000])
    assert.deepEqual(moneyTicks([-300]), [-300, -200, -100, 0, 100])
  })
})
