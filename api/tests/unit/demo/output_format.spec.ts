import { test } from '@japa/runner'
import { copyNumber, copyText, copyTimestamp } from '#reporting/demo/copy_text'
import { formatDuration, formatProgress } from '#reporting/demo/progress_bar'
import { CONSISTENCY_CHECKS, sqlFor, withCountAndExamples } from '#reporting/integrity/consistency_checks'

test.group('COPY text', () => {
  test('escapes what would break a row and writes NULL as \\N', ({ assert }) => {
    assert.equal(copyText('Écart de caisse : 5 ¢'), 'Écart de caisse : 5 ¢')
    assert.equal(copyText('a\tb\nc\\d\re'), 'a\\tb\\nc\\\\d\\re')
    assert.equal(copyText(null), '\\N')
    assert.equal(copyNumber(null), '\\N')
    assert.equal(copyNumber(42), '42')
    assert.equal(copyTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5)), '2026-01-02T03:04:05.000Z')
  })
})

test.group('progress', () => {
  test('shows days, lines, rate and time left', ({ assert }) => {
    const line = formatProgress({ daysDone: 45, totalDays: 90, linesWritten: 500_000, elapsedMs: 50_000 }, 10)
    assert.equal(line, '[#####-----] 45/90 days · 500,000 lines · 10,000 lines/s · ETA 50s')
    assert.include(formatProgress({ daysDone: 90, totalDays: 90, linesWritten: 1, elapsedMs: 1 }), 'ETA —')
    assert.equal(formatDuration(125_000), '2m05s')
  })
})

test.group('consistency checks', () => {
  test('inline a valid time zone and refuse anything that could escape the literal', ({ assert }) => {
    const sql = sqlFor(CONSISTENCY_CHECKS.find((c) => c.id === 'c')!, 'America/Toronto')
    assert.include(sql, "AT TIME ZONE 'America/Toronto'")
    assert.notInclude(sql, '{tz}')
    assert.throws(() => sqlFor(CONSISTENCY_CHECKS[0], "UTC'; DROP TABLE sales; --"), /Invalid time zone/)
  })

  test('cover the six required invariants, each with a distinct id', ({ assert }) => {
    const ids = CONSISTENCY_CHECKS.map((c) => c.id)
    assert.includeMembers(ids, ['a', 'b', 'c', 'd', 'e', 'f'])
    assert.equal(new Set(ids).size, ids.length)
    assert.match(withCountAndExamples('SELECT 1', 5), /LIMIT 5$/)
  })
})
