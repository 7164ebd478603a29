import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { translator } from '../../app/lib/i18n/index.ts'
import { csvErrorText, csvFileName, csvPath, csvRefusal, isCsvReport } from '../../app/lib/reports/csv.ts'
import {
  addDays,
  apiPeriodQuery,
  daysInclusive,
  filtersQuery,
  granularityFor,
  periodLabel,
  presetRange,
  readReportFilters,
} from '../../app/lib/reports/filters.ts'

const TODAY = '2026-11-24'
const read = (query: string, stores: number[] | null = [1, 2, 3, 4, 5]) => readReportFilters(new URLSearchParams(query), TODAY, stores)

describe('calendar days', () => {
  test('adds days across months, years and leap days', () => {
    assert.equal(addDays('2026-11-24', -29), '2026-10-26')
    assert.equal(addDays('2026-12-31', 1), '2027-01-01')
    assert.equal(addDays('2028-03-01', -1), '2028-02-29')
  })

  test('counts the days of a period, both ends included', () => {
    assert.equal(daysInclusive('2026-11-24', '2026-11-24'), 1)
    assert.equal(daysInclusive('2026-10-26', '2026-11-24'), 30)
  })
})

describe('readReportFilters', () => {
  test('without parameters: the last 30 days, every store', () => {
    const { filters, input, errors } = read('')
    assert.deepEqual(filters, { from: '2026-10-26', to: TODAY, preset: '30', rolling: true, storeId: null })
    assert.deepEqual(input, { du: '2026-10-26', au: TODAY, magasin: '' })
    assert.deepEqual(errors, {})
  })

  test('a preset button wins over the dates sent with it', () => {
    const { filters } = read('du=2026-01-01&au=2026-01-31&periode=7&magasin=4')
    assert.deepEqual(filters, { from: '2026-11-18', to: TODAY, preset: '7', rolling: true, storeId: 4 })
    assert.deepEqual(presetRange('mois', TODAY), { from: '2026-11-01', to: TODAY })
    assert.deepEqual(presetRange('90', TODAY), { from: '2026-08-27', to: TODAY })
  })

  test('chosen dates are kept, and recognised when they are a preset', () => {
    assert.deepEqual(read('du=2026-01-01&au=2026-01-31').filters, { from: '2026-01-01', to: '2026-01-31', preset: null, rolling: false, storeId: null })
    assert.equal(read('du=2026-11-01&au=2026-11-24').filters.preset, 'mois')
    // No end: up to today.
    assert.deepEqual(read('du=2026-11-18').filters, { from: '2026-11-18', to: TODAY, preset: '7', rolling: false, storeId: null })
  })

  test('refused dates are marked, echoed back, and the default period is shown', () => {
    const bad = read('du=2026-02-30&au=demain')
    assert.deepEqual(bad.errors, { du: { key: 'reports.filters.badDate' }, au: { key: 'reports.filters.badDate' } })
    assert.deepEqual(bad.input, { du: '2026-02-30', au: 'demain', magasin: '' })
    assert.equal(bad.filters.preset, '30')

    assert.deepEqual(read('du=2026-11-10&au=2026-11-01').errors, { au: { key: 'reports.filters.endBeforeStart' } })
    assert.deepEqual(read('du=2026-11-25').errors, { du: { key: 'reports.filters.future' } })
    assert.deepEqual(read('du=2026-11-01&au=2026-12-01').errors, { au: { key: 'reports.filters.future' } })
    assert.deepEqual(read('au=2026-11-01').errors, { du: { key: 'form.required' } })
  })

  test('a period of five years or more is refused, as the API would', () => {
    assert.deepEqual(read('du=2021-11-24&au=2026-11-24').errors, { au: { key: 'reports.filters.tooLong', params: { years: 5 } } })
    assert.deepEqual(read('du=2021-11-25&au=2026-11-24').errors, {})
  })

  test('the store must be one the user may see (when the list is known)', () => {
    assert.equal(read('magasin=3').filters.storeId, 3)
    for (const value of ['9', 'abc', '0', '-1', '1.5']) {
      const { filters, errors, input } = read(`magasin=${value}`)
      assert.equal(filters.storeId, null, value)
      assert.deepEqual(errors, { magasin: { key: 'form.choice' } }, value)
      assert.equal(input.magasin, value)
    }
    // Without the list (the CSV route), any id goes to the API, which says 404 for an unknown one.
    assert.equal(read('magasin=9', null).filters.storeId, 9)
  })
})

describe('queries built from the filters', () => {
  test('a page URL keeps a preset as a preset, other periods as dates', () => {
    assert.equal(filtersQuery(read('periode=7&magasin=2').filters), 'periode=7&magasin=2')
    assert.equal(filtersQuery(read('du=2026-01-01&au=2026-01-31').filters, { jpage: '2' }), 'du=2026-01-01&au=2026-01-31&jpage=2')
    // Dates typed that happen to be this month today stay those dates in the links (a shared link keeps its period).
    assert.equal(filtersQuery(read('du=2026-11-01&au=2026-11-24').filters), 'du=2026-11-01&au=2026-11-24')
    assert.equal(filtersQuery(read('').filters), 'periode=30', 'the default period rolls, like its button')
  })

  test('the API gets French period and store names', () => {
    assert.deepEqual(apiPeriodQuery(read('periode=7&magasin=2').filters), { date_debut: '2026-11-18', date_fin: TODAY, magasin_id: 2 })
    assert.deepEqual(apiPeriodQuery(read('').filters), { date_debut: '2026-10-26', date_fin: TODAY })
  })

  test('charts use days up to three months, weeks up to two years, then months', () => {
    assert.equal(granularityFor({ from: '2026-08-25', to: TODAY }), 'daily')
    assert.equal(granularityFor({ from: '2026-08-24', to: TODAY }), 'weekly')
    assert.equal(granularityFor({ from: '2024-11-24', to: TODAY }), 'weekly')
    assert.equal(granularityFor({ from: '2024-11-23', to: TODAY }), 'monthly')
  })
})

describe('CSV downloads', () => {
  test('only the listed reports exist', () => {
    assert.equal(isCsvReport('ventes'), true)
    assert.equal(isCsvReport('reappro'), true)
    assert.equal(isCsvReport('utilisateurs'), false)
    assert.equal(isCsvReport(undefined), false)
  })

  test('links carry the page filters; file names say what, when and where', () => {
    const { filters } = read('du=2026-11-01&au=2026-11-20&magasin=4')
    assert.equal(csvPath('ventes', 'du=2026-11-01&au=2026-11-20&magasin=4'), '/rapports/csv/ventes?du=2026-11-01&au=2026-11-20&magasin=4')
    assert.equal(csvPath('inventaire', ''), '/rapports/csv/inventaire')
    assert.equal(csvFileName('ventes', filters, TODAY), 'comptoir-ventes-2026-11-01_2026-11-20-magasin-4.csv')
    // Stock is a snapshot: named after the day it was taken.
    assert.equal(csvFileName('inventaire', read('').filters, TODAY), `comptoir-inventaire-${TODAY}.csv`)
  })

  test('a hand-made URL with refused filters is told why, in the reader’s language', () => {
    const { errors } = read('du=2026-13-01&au=2099-01-01')
    assert.equal(
      csvRefusal(translator('fr'), errors),
      'Filtres refusés :\ndu : Entrez une date valide (AAAA-MM-JJ).\nau : La date ne peut pas être dans le futur.'
    )
    assert.equal(
      csvRefusal(translator('en'), errors),
      'Filters refused:\ndu: Enter a valid date (YYYY-MM-DD).\nau: The date cannot be in the future.'
    )
  })

  test('a download that fails says why in words, never an internal code ("role", "not_found")', () => {
    assert.match(csvErrorText(translator('fr'), 403), /^Accès refusé\n/)
    assert.match(csvErrorText(translator('en'), 404), /^Page not found\n/)
    assert.match(csvErrorText(translator('fr'), 503), /^Serveur injoignable\n/)
    assert.match(csvErrorText(translator('fr'), 418), /^Une erreur inattendue est survenue\n/)
  })
})

describe('the period in a page’s lead', () => {
  test('a range says from and to; one day says it once', () => {
    const t = translator('fr')
    assert.equal(periodLabel(t, { from: '2026-12-01', to: '2026-12-06' }), 'du 1er décembre 2026 au 6 décembre 2026')
    assert.equal(periodLabel(t, { from: '2026-12-06', to: '2026-12-06' }), 'du 6 décembre 2026')
    assert.equal(periodLabel(translator('en'), { from: '2026-12-06', to: '2026-12-06' }), 'for 6 décembre 2026')
  })
})
