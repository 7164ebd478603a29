import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { calendarDay, dayAsUtcDate, isCalendarDay } from '../../app/lib/calendar-day.ts'
import { dayRangeFrom } from '../../app/lib/list-query.ts'

describe('calendar days', () => {
  test('knows real days from look-alikes', () => {
    assert.equal(isCalendarDay('2028-02-29'), true)
    assert.equal(isCalendarDay('2026-02-29'), false)
    assert.equal(isCalendarDay('2026-02-30'), false)
    assert.equal(isCalendarDay('2026-13-01'), false)
    assert.equal(isCalendarDay('24/11/2026'), false)
    assert.equal(isCalendarDay('26-11-01'), false)
    assert.equal(isCalendarDay('1899-12-31'), false)
  })

  test('a real day reads back as itself, anything else as null', () => {
    assert.equal(calendarDay('2028-02-29'), '2028-02-29')
    assert.equal(calendarDay('2027-02-29'), null)
    assert.equal(calendarDay(null), null)
    assert.equal(dayAsUtcDate('2026-12-06')?.toISOString(), '2026-12-06T00:00:00.000Z')
  })
})

describe('a list’s days (?du=, ?au=)', () => {
  const read = (query: string) => dayRangeFrom(new URLSearchParams(query))

  test('either end may be open', () => {
    assert.deepEqual(read(''), { from: null, to: null, errors: {} })
    assert.deepEqual(read('du=2026-11-01'), { from: '2026-11-01', to: null, errors: {} })
    assert.deepEqual(read('au=2026-11-30'), { from: null, to: '2026-11-30', errors: {} })
  })

  test('days typed backwards are read the way they were meant', () => {
    assert.deepEqual(read('du=2026-11-30&au=2026-11-01'), { from: '2026-11-01', to: '2026-11-30', errors: {}, swapped: true })
  })

  test('a value that is not a day is left out and named on its field', () => {
    assert.deepEqual(read('du=2026-02-30&au=2026-11-30'), { from: null, to: '2026-11-30', errors: { du: { key: 'form.date' } } })
    assert.deepEqual(read('du=&au='), { from: null, to: null, errors: {} })
  })
})
