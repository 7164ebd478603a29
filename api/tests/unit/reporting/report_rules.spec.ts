import { test } from '@japa/runner'
import { csvCell, toCsv } from '#reporting/services/csv'
import { divideHalfUp, percentChange, percentOf, performanceRating, ratioToWire } from '#reporting/services/figures'
import { addMonths, bucketStart, bucketStarts } from '#reporting/services/calendar'
import { openPeriod, requiredPeriod } from '#reporting/services/report_period'
import { comparisonRange } from '#reporting/queries/sales_report'
import { trendDirection } from '#reporting/queries/sales_series'

test.group('CSV serializer', () => {
  test('quotes commas, quotes and line breaks; header row and CRLF', ({ assert }) => {
    assert.equal(
      toCsv({ columns: ['a', 'b'], rows: [['x,y', 'say "hi"'], ['two\nlines', null]] }),
      'a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",\r\n'
    )
  })

  test('neutralises formulas, keeps negative numbers', ({ assert }) => {
    assert.equal(csvCell('=1+2'), "'=1+2")
    assert.equal(csvCell('+33 1 23'), "'+33 1 23")
    assert.equal(csvCell('-2+3'), "'-2+3")
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(csvCell('\t=cmd'), "'\t=cmd")
    // After spaces (some spreadsheets trim them), and in full width (some convert it).
    assert.equal(csvCell('  =1+2'), "'  =1+2")
    assert.equal(csvCell('\u00a0@SUM(A1)'), "'\u00a0@SUM(A1)")
    assert.equal(csvCell('＝1+2'), "'＝1+2")
    assert.equal(csvCell('Lait 2 %'), 'Lait 2 %')
    assert.equal(csvCell('=HYPERLINK("a","b")'), `"'=HYPERLINK(""a"",""b"")"`)
    assert.equal(csvCell('-12.50'), '-12.50')
    assert.equal(csvCell(-3), '-3')
    assert.equal(csvCell('Pâtes'), 'Pâtes')
    assert.equal(csvCell(false), 'false')
  })

  test('the fr dialect: semicolons, decimal commas on numbers only, quotes around semicolons', ({ assert }) => {
    assert.equal(
      toCsv({ columns: ['nom', 'total', 'ventes', 'variation'], rows: [['Nord; Est, Ouest', '-12.50', 3, 2.5], ['=1+2', '14.15', 0, null]] }, 'fr'),
      'nom;total;ventes;variation\r\n"Nord; Est, Ouest";-12,50;3;2,5\r\n\'=1+2;14,15;0;\r\n'
    )
    assert.equal(csvCell('Version 2.5 du produit', 'fr'), 'Version 2.5 du produit')
    assert.equal(csvCell('2026-11-24', 'fr'), '2026-11-24')
  })
})

test.group('Report arithmetic', () => {
  test('averages round half away from zero, exactly', ({ assert }) => {
    assert.equal(divideHalfUp(595, 2), 298) // 2.975 → 2.98
    assert.equal(divideHalfUp(-595, 2), -298)
    assert.equal(divideHalfUp(1415, 3), 472)
    assert.equal(divideHalfUp(5, 0), 0)
    assert.equal(divideHalfUp(9_007_199_254_740, 7), 1_286_742_750_677)
    assert.equal(ratioToWire(7, 4), '1.75')
    assert.equal(ratioToWire(2, 3), '0.67')
  })

  test('performance rating boundaries, in cents', ({ assert }) => {
    assert.deepEqual(
      [1_000_000, 999_999, 500_000, 499_999, 100_000, 99_999, 0, -500].map(performanceRating),
      ['Excellent', 'Good', 'Good', 'Average', 'Average', 'Poor', 'Poor', 'Poor']
    )
  })

  test('percentages', ({ assert }) => {
    assert.equal(percentChange(150, 100), 50)
    assert.equal(percentChange(200, 150), 33.33)
    assert.equal(percentChange(0, 100), -100)
    assert.equal(percentChange(50, -100), 150)
    assert.isNull(percentChange(10, 0))
    assert.equal(percentOf(2, 5), 40)
    assert.equal(percentOf(1, 3), 33.33)
    assert.equal(percentOf(1, 0), 0)
  })

  test('trend direction from the fitted line', ({ assert }) => {
    assert.equal(trendDirection([100, 110, 120, 130]), 'increasing')
    assert.equal(trendDirection([130, 120, 110, 100]), 'decreasing')
    assert.equal(trendDirection([100, 102, 99, 101]), 'stable')
    assert.equal(trendDirection([100]), 'stable')
    assert.equal(trendDirection([0, 0, 0]), 'stable')
  })
})

test.group('Report calendar and periods', () => {
  test('buckets: ISO weeks from Monday, months clamp', ({ assert }) => {
    assert.equal(bucketStart('2026-01-04', 'week'), '2025-12-29')
    assert.equal(bucketStart('2026-01-05', 'week'), '2026-01-05')
    assert.equal(bucketStart('2026-02-17', 'month'), '2026-02-01')
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28')
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29')
    assert.deepEqual(bucketStarts('2026-01-30', '2026-03-01', 'month'), ['2026-01-01', '2026-02-01', '2026-03-01'])
  })

  test('comparison period of the KPIs', ({ assert }) => {
    assert.deepEqual(comparisonRange({ from: '2026-03-01', to: '2026-03-31' }), { from: '2026-02-01', to: '2026-02-28' })
    assert.deepEqual(comparisonRange({ from: '2026-03-01', to: '2026-03-30' }), { from: '2026-02-01', to: '2026-02-28' })
    assert.deepEqual(comparisonRange({ from: '2026-03-01', to: '2026-03-15' }), { from: '2026-02-01', to: '2026-02-15' })
    assert.deepEqual(comparisonRange({ from: '2026-03-10', to: '2026-03-16' }), { from: '2026-03-03', to: '2026-03-09' })
    assert.deepEqual(comparisonRange({ from: '2026-02-20', to: '2026-03-05' }), { from: '2026-02-06', to: '2026-02-19' })
  })

  test('periods: French aliases win, five years at most', ({ assert }) => {
    assert.deepEqual(openPeriod({}), { from: null, to: null })
    assert.deepEqual(openPeriod({ start_date: '2026-01-01', date_debut: '2026-02-01', end_date: '2026-03-01' }), {
      from: '2026-02-01',
      to: '2026-03-01',
    })
    assert.deepEqual(openPeriod({ end_date: '2026-03-01' }), { from: null, to: '2026-03-01' })
    assert.deepEqual(openPeriod({ start_date: '2021-01-01', end_date: '2025-12-31' }), { from: '2021-01-01', to: '2025-12-31' })
    assert.throws(() => openPeriod({ start_date: '2021-01-01', end_date: '2026-01-01' }))
    assert.throws(() => openPeriod({ start_date: '2026-01-02', end_date: '2026-01-01' }))
    assert.throws(() => requiredPeriod({ date_debut: '2026-01-01' }))
  })
})
