import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { businessDay, openingHoursOn, periodBefore, todayIn } from '#reporting/demo/business_calendar'
import { receiptNumber } from '#reporting/demo/receipt_number'
import { storeProfileFor } from '#reporting/demo/profiles'

const ZONE = 'America/Toronto'

test.group('business calendar', () => {
  test('a period ends the day before the end date', ({ assert }) => {
    const days = periodBefore('2026-03-10', 3, ZONE)
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-03-07', '2026-03-08', '2026-03-09']
    )
    assert.equal(days[2].endMs, DateTime.fromISO('2026-03-10T00:00', { zone: ZONE }).toMillis())
  })

  test('the day clocks spring forward has 23 hours and its hours land on the wall clock', ({ assert }) => {
    const day = businessDay('2026-03-08', ZONE)
    assert.equal(day.endMs - day.startMs, 23 * 3600_000)
    assert.equal(day.weekday, 7)
    assert.equal(DateTime.fromMillis(day.hourStartMs[9], { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm'), '2026-03-08 09:00')
    assert.equal(day.hourStartMs[24], day.endMs)
  })

  test('the day clocks fall back has 25 hours', ({ assert }) => {
    const day = businessDay('2026-11-01', ZONE)
    assert.equal(day.endMs - day.startMs, 25 * 3600_000)
    assert.equal(DateTime.fromMillis(day.hourStartMs[17], { zone: ZONE }).hour, 17)
  })

  test('Christmas and New Year are closed; a store is open on its profile days', ({ assert }) => {
    assert.isTrue(businessDay('2026-12-25', ZONE).closed)
    assert.isTrue(businessDay('2027-01-01', ZONE).closed)
    const express = storeProfileFor('Magasin Express')
    assert.isNull(openingHoursOn(express, businessDay('2026-12-25', ZONE)))
    assert.deepEqual(openingHoursOn(express, businessDay('2026-12-26', ZONE)), { open: 7, close: 23 })
  })

  test('rejects a malformed date and reads today in the zone', ({ assert }) => {
    assert.throws(() => periodBefore('2026-13-01', 1, ZONE), /Invalid date/)
    assert.throws(() => periodBefore('yesterday', 1, ZONE), /Invalid date/)
    // 03:00 UTC on Jan 2 is still Jan 1 in Toronto.
    assert.equal(todayIn(ZONE, Date.UTC(2026, 0, 2, 3)), '2026-01-01')
  })
})

test.group('receipt numbers', () => {
  test('are those of record_sale(): store, register and the sale id on 8 digits', ({ assert }) => {
    assert.equal(receiptNumber(1, 3, 42), 'S1-R3-00000042')
    assert.equal(receiptNumber(12, 1, 123456789), 'S12-R1-123456789')
  })
})
