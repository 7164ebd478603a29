import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  isFiltered,
  journalToReturnTo,
  receiptFromJournal,
  receiptSearch,
  salesJournalFilters,
  salesJournalHref,
  storeSalesPath,
} from '../../app/lib/sales-journal.ts'

const read = (query: string) => salesJournalFilters(new URL(`http://web.test/ventes${query}`))

describe('the sales journal’s filters, read from the URL', () => {
  test('a bare URL filters nothing: page 1 of every sale', () => {
    const filters = read('')
    assert.deepEqual(filters, { storeId: null, status: null, receipt: '', from: null, to: null, errors: {}, page: 1, upTo: null })
    assert.equal(isFiltered(filters), false)
  })

  test('each filter is read as the form sends it', () => {
    const filters = read('?magasin=3&statut=partiellement_retournee&recu=s1-r2-0000&du=2026-11-01&au=2026-11-30&page=4&jusqua=812')
    assert.deepEqual(filters, {
      storeId: 3,
      status: 'partiellement_retournee',
      receipt: 'S1-R2-0000',
      from: '2026-11-01',
      to: '2026-11-30',
      errors: {},
      page: 4,
      upTo: 812,
    })
    assert.equal(isFiltered(filters), true)
  })

  test('odd values filter nothing, never an error page; a store or a day the form cannot send is named on its field', () => {
    const filters = read('?magasin=abc&statut=annulee&du=2026-02-30&au=hier&page=-2&jusqua=0')
    assert.deepEqual(filters, {
      storeId: null,
      status: null,
      receipt: '',
      from: null,
      to: null,
      errors: { magasin: { key: 'form.choice' }, du: { key: 'form.date' }, au: { key: 'form.date' } },
      page: 1,
      upTo: null,
    })
    // "Tout afficher" is offered, and an empty page says "no match" rather than "no sales yet".
    assert.equal(isFiltered(filters), true)
  })

  test('a receipt search keeps only what a receipt number can hold; a space stands for a dash', () => {
    assert.equal(read(`?recu=${encodeURIComponent(" r2-'00%_<b> ")}`).receipt, 'R2-00B')
    assert.equal(read(`?recu=${'9'.repeat(50)}`).receipt.length, 32)
    assert.equal(receiptSearch('s5 - r2  -  000042'), 'S5-R2-000042')
    assert.equal(receiptSearch('-000042'), '-000042')
  })

  test('a register and a sequence read without their zeros find the receipt (8-digit sequences)', () => {
    assert.equal(receiptSearch('r3 13903'), 'R3-00013903')
    assert.equal(receiptSearch('S5 R2 42'), 'S5-R2-00000042')
    assert.equal(receiptSearch('S2-R3-00013903'), 'S2-R3-00013903', 'a whole number stays whole')
    assert.equal(receiptSearch('R3-000'), 'R3-000', 'typed with its zeros: the start of a sequence')
    assert.equal(receiptSearch('13903'), '13903', 'a bare sequence matches anywhere')
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

describe('a receipt opened from the journal', () => {
  test('carries the journal as it was, and only a journal is followed back', () => {
    const href = receiptFromJournal(42, '/ventes?statut=terminee&page=3&jusqua=812')
    assert.equal(href, '/ventes/42/recu?depuis=%2Fventes%3Fstatut%3Dterminee%26page%3D3%26jusqua%3D812')
    assert.equal(journalToReturnTo(new URL(href, 'http://web.test')), '/ventes?statut=terminee&page=3&jusqua=812')
    assert.equal(journalToReturnTo(new URL('http://web.test/ventes/42/recu?depuis=%2Fventes')), '/ventes')
    for (const elsewhere of ['https://evil.test/ventes', '//evil.test/ventes', '/ventesX', '/produits', '/ventes/../produits']) {
      assert.equal(journalToReturnTo(new URL(`http://web.test/ventes/42/recu?depuis=${encodeURIComponent(elsewhere)}`)), null, elsewhere)
    }
    assert.equal(journalToReturnTo(new URL('http://web.test/ventes/42/recu')), null)
  })
})
