import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { instantToWire } from '#core/instants'

test.group('instantToWire', () => {
  test('a Luxon DateTime in any zone is the same instant in UTC with a Z', ({ assert }) => {
    const montreal = DateTime.fromISO('2026-11-24T10:02:11.5-05:00', { setZone: true })
    assert.equal(instantToWire(montreal), '2026-11-24T15:02:11.500Z')
    const utcOffset = DateTime.fromISO('2026-11-24T15:02:11+00:00', { zone: 'Etc/GMT' })
    assert.equal(utcOffset.toISO(), '2026-11-24T15:02:11.000+00:00', 'what Luxon alone would send')
    assert.equal(instantToWire(utcOffset), '2026-11-24T15:02:11.000Z')
  })

  test('a JS Date reads the same as the DateTime of that instant; null stays null', ({ assert }) => {
    const date = new Date('2026-11-24T15:02:11.000Z')
    assert.equal(instantToWire(date), instantToWire(DateTime.fromJSDate(date, { zone: 'America/Toronto' })))
    assert.isNull(instantToWire(null))
    assert.isNull(instantToWire(undefined))
  })
})
