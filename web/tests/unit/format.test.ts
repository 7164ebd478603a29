import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatDate, formatDayRange, formatMoney, formatTimeToday } from '../../app/lib/format.ts'

// fr-CA uses a no-break space both before "$" and between thousands.
const NBSP = '\u00a0'

describe('formatMoney', () => {
  test('formats cents as Canadian dollars the fr-CA way', () => {
    assert.equal(formatMoney(120), `1,20${NBSP}$`)
    assert.equal(formatMoney(0), `0,00${NBSP}$`)
    assert.equal(formatMoney(5), `0,05${NBSP}$`)
  })

  test('groups thousands', () => {
    assert.equal(formatMoney(123456789), `1${NBSP}234${NBSP}567,89${NBSP}$`)
  })

  test('keeps the sign of refunds', () => {
    assert.equal(formatMoney(-2550), `-25,50${NBSP}$`)
  })

  test('refuses amounts that are not whole cents', () => {
    assert.throws(() => formatMoney(1.5), RangeError)
    assert.throws(() => formatMoney(Number.NaN), RangeError)
    assert.throws(() => formatMoney(Number.POSITIVE_INFINITY), RangeError)
  })
})

describe('formatDate', () => {
  test('writes the day in the stores’ time zone, not UTC', () => {
    // 03:00 UTC on the 24th is still the evening of the 23rd in Montréal.
    assert.equal(formatDate('2025-11-24T03:00:00Z'), '23 novembre 2025')
    assert.equal(formatDate(new Date('2025-07-01T16:00:00Z')), '1er juillet 2025')
  })

  test('adds the local time on request', () => {
    assert.equal(formatDate('2025-11-24T15:30:00Z', { withTime: true }), '24 novembre 2025 à 10 h 30')
    // Daylight saving time: UTC-4 in summer.
    assert.equal(formatDate('2025-07-01T15:30:00Z', { withTime: true }), '1er juillet 2025 à 11 h 30')
  })

  test('refuses unparseable dates instead of printing "Invalid Date"', () => {
    assert.throws(() => formatDate('pas une date'), RangeError)
  })
})

describe('formatDayRange', () => {
  const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
  test('no year within this year; the year when the range is in another one or spans two', () => {
    assert.equal(norm(formatDayRange('2026-11-24', '2026-11-30', '2026-12-06')), '24 nov. – 30 nov.')
    assert.equal(norm(formatDayRange('2025-11-24', '2025-11-30', '2026-12-06')), '24 nov. – 30 nov. 2025')
    assert.equal(norm(formatDayRange('2025-12-28', '2026-01-03', '2026-12-06')), '28 déc. 2025 – 3 janv. 2026')
    assert.equal(norm(formatDayRange('2026-12-05', '2026-12-05', '2026-12-06')), '5 déc.', 'one day is one day')
    assert.equal(norm(formatDayRange('2025-12-01', '2025-12-01', '2026-12-06')), '1er déc. 2025')
  })
})

describe('formatTimeToday', () => {
  const norm = (text: string) => text.replace(/\s/g, ' ')
  test('the time alone today, the day too before (stores’ time zone)', () => {
    const now = new Date('2026-12-06T20:00:00Z') // 15 h 00 in Toronto
    assert.equal(norm(formatTimeToday('2026-12-06T14:01:00Z', now)), '09 h 01')
    // 03:10 UTC on the 6th is still the evening of the 5th in Toronto.
    assert.equal(norm(formatTimeToday('2026-12-06T03:10:00Z', now)), '5 décembre 2026 à 22 h 10')
  })
})
