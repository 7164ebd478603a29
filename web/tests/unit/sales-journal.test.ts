import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { isFiltered, salesJournalFilters, salesJournalHref, storeSalesPath } from '../../app/lib/sales-journal.ts'

const read = (query: string) => salesJournalFilters(new URL(`http://web.test/ventes${query}`))

describe('the sales journal’s filters, read from the URL', () => {
  test('a bare URL filters nothing: page 1 of every sale', () => {
    const filters = read('')
    assert.deepEqual(filters, { storeId: null, status: null, receipt: '', from: null, to: null, page: 1 })
    assert.equal(isFiltered(filters), false)
  })

  test('each filter is read as the form sends it', () => {
    const filters = read('?magasin=3&statut=partiellement_retournee&recu=s1-r2-0000&du=2026-11-01&au=2026-11-30&page=4')
    assert.deepEqual(filters, {
      storeId: 3,
      status: 'partiellement_retournee',
      receipt: 'S1-R2-0000',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 4,
    })
    assert.equal(isFiltered(filters), true)
  })

  test('odd values mean "no filter", never an error page', () => {
    assert.deepEqual(read('?magasin=abc&statut=annulee&du=2026-02-30&au=hier&page=-2'), {
      storeId: null,
      status: null,
      receipt: '',
      from: null,
      to: null,
      page: 1,
    })
  })

  test('a receipt search keeps only what a receipt number can hold', () => {
    assert.equal(read(`?recu=${encodeURIComponent(" r2-'00%_<b> ")}`).receipt, 'R2-00B')
    assert.equal(read(`?recu=${'9'.repeat(50)}`).receipt.length, 32)
  })

  test('days typed backwards are read the way they were meant', () => {
    const filters = read('?du=2026-11-30&au=2026-11-01')
    assert.deepEqual([filters.from, filters.to], ['2026-11-01', '2026-11-30'])
  })

  test('a store’s journal, or the sales a report counts, are a link away and read back as the same filters', () => {
    assert.equal(storeSalesPath(2), '/ventes?magasin=2')
    assert.equal(salesJournalHref({}), '/ventes')
    const href = salesJournalHref({ storeId: 4, from: '2026-11-07', to: '2026-12-06' })
    assert.equal(href, '/ventes?magasin=4&du=2026-11-07&au=2026-12-06')
    const back = read(href.slice('/ventes'.length))
    assert.deepEqual([back.storeId, back.from, back.to], [4, '2026-11-07', '2026-12-06'])
  })
})
