import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { clerkReturnPeriodOver, returnsQuery } from '../../app/lib/returns.ts'

const query = (search: string) => returnsQuery(new URL(`http://comptoir.test/caisses/1/retours${search}`))

describe('the returns page reads its URL safely (an odd value is absent, never an error page)', () => {
  test('a sale, a return, a page and a receipt number as the page writes them', () => {
    assert.deepEqual(query('?vente=42&retour=7&page=2&recu=%20s1-r1-00000042%20&jour=2026-12-06'), {
      search: 's1-r1-00000042',
      saleId: 42,
      returnId: 7,
      page: 2,
      day: '2026-12-06',
    })
  })

  test('ids the API would refuse (negative, zero, beyond its range, not digits) are absent', () => {
    for (const odd of ['-1', '0', '99999999999', '1e3', '0x10', '4.5', 'abc', '', '%00']) {
      const read = query(`?vente=${odd}&retour=${odd}`)
      assert.equal(read.saleId, null, `vente=${odd}`)
      assert.equal(read.returnId, null, `retour=${odd}`)
    }
    assert.deepEqual(query(''), { search: '', saleId: null, returnId: null, page: 1, day: null })
  })

  test('a receipt number loses its control characters and is cut at 40 characters', () => {
    assert.equal(query('?recu=S1%00-R1').search, 'S1-R1')
    assert.equal(query(`?recu=${'9'.repeat(50)}`).search, '9'.repeat(40))
  })

  test('an odd page is page 1', () => {
    for (const odd of ['-5', '0', 'deux', '1000000']) assert.equal(query(`?page=${odd}`).page, 1, `page=${odd}`)
  })

  test('a day that is not a calendar day is absent (today is listed)', () => {
    for (const odd of ['2026-02-30', '06/12/2026', 'hier', '', '1899-12-31']) assert.equal(query(`?jour=${odd}`).day, null, `jour=${odd}`)
  })
})

describe('the end of a clerk’s return period, as a receipt names it', () => {
  const deadline = '2026-12-05T19:30:00.000Z'
  const at = (iso: string) => Date.parse(iso)

  test('a clerk past the deadline is told when it ended; before or at it, nothing', () => {
    assert.equal(clerkReturnPeriodOver({ role: 'clerk' }, deadline, at('2026-12-05T19:30:00.001Z')), deadline)
    assert.equal(clerkReturnPeriodOver({ role: 'clerk' }, deadline, at('2026-12-05T19:30:00.000Z')), null)
    assert.equal(clerkReturnPeriodOver({ role: 'clerk' }, deadline, at('2026-12-04T20:00:00.000Z')), null)
  })

  test('managers and admins take goods back at any time', () => {
    for (const role of ['manager', 'admin'] as const) {
      assert.equal(clerkReturnPeriodOver({ role }, deadline, at('2027-01-01T00:00:00.000Z')), null, role)
    }
  })
})
