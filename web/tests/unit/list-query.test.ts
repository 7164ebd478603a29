import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  backTo,
  choicesOf,
  mapPage,
  namedChoices,
  oneOf,
  oneOfOrNull,
  pageCount,
  pageFrom,
  pageHref,
  positiveId,
  searchFrom,
} from '../../app/lib/list-query.ts'

describe('list query strings read safely (anything odd: no filter, page 1)', () => {
  test('page: 1…100 000, else 1', () => {
    assert.equal(pageFrom('3'), 3)
    assert.equal(pageFrom('100000'), 100_000)
    for (const odd of [null, '', '0', '-2', '2.5', 'deux', '100001', '1e3x']) assert.equal(pageFrom(odd), 1, `page=${odd}`)
  })

  test('free text: trimmed and cut to its limit', () => {
    assert.equal(searchFrom('  lait  ', 64), 'lait')
    assert.equal(searchFrom(null, 64), '')
    assert.equal(searchFrom(` ${'x'.repeat(40)}`, 32), 'x'.repeat(32))
  })

  test('free text: control characters (NUL first: the API refuses the request) are dropped', () => {
    assert.equal(searchFrom('a\u0000b', 64), 'ab')
    assert.equal(searchFrom('\u0000 lait\t\r\n\u001b\u007f\u0085', 64), 'lait')
    assert.equal(searchFrom('\u0000', 64), '')
    // Letters outside ASCII are text, not control characters.
    assert.equal(searchFrom('crème brûlée', 64), 'crème brûlée')
  })

  test('ids: digits only, at least 1', () => {
    assert.equal(positiveId('7'), 7)
    for (const odd of [null, '', '0', '-1', '1.5', '7a', '1234567890']) assert.equal(positiveId(odd), null, `id=${odd}`)
  })

  test('a value among the allowed ones, else the fallback (or null: the "all" choice)', () => {
    const sorts = ['code', 'nom'] as const
    assert.equal(oneOf('nom', sorts, 'code'), 'nom')
    assert.equal(oneOf('prix', sorts, 'code'), 'code')
    assert.equal(oneOf(null, sorts, 'code'), 'code')
    assert.equal(oneOfOrNull('nom', sorts), 'nom')
    assert.equal(oneOfOrNull('NOM', sorts), null)
    assert.equal(oneOfOrNull('', sorts), null)
  })
})

describe('pages of a list', () => {
  test('an API page keeps its counts and shapes its items', () => {
    const answer = { page: 2, size: 25, total: 27, items: [{ nom: 'Pain' }, { nom: 'Lait' }] }
    assert.deepEqual(
      mapPage(answer, (item) => item.nom.toUpperCase()),
      { page: 2, size: 25, total: 27, items: ['PAIN', 'LAIT'] }
    )
  })

  test('the shaping function sees one item at a time (not map’s index)', () => {
    const seen: unknown[][] = []
    mapPage({ page: 1, size: 2, total: 2, items: ['a', 'b'] }, (...args: unknown[]) => seen.push(args))
    assert.deepEqual(seen, [['a'], ['b']])
  })

  test('page count: rounded up, one page when empty', () => {
    assert.equal(pageCount(0, 25), 1)
    assert.equal(pageCount(25, 25), 1)
    assert.equal(pageCount(26, 25), 2)
    assert.equal(pageCount(100, 0), 100, 'a size of 0 counts as 1 rather than dividing by zero')
  })

  test('page links keep the other parameters; page 1 is the bare list', () => {
    const at = { pathname: '/entrepot', search: '?q=lait&statut=critique&page=3' }
    assert.equal(pageHref(at, 'page', 4), '/entrepot?q=lait&statut=critique&page=4')
    assert.equal(pageHref(at, 'page', 1), '/entrepot?q=lait&statut=critique')
    assert.equal(pageHref({ pathname: '/entrepot', search: '?page=2' }, 'page', 1), '/entrepot')
  })

  test('a pinned list: its page links carry the pin, page 1 included', () => {
    const first = { pathname: '/ventes', search: '?statut=terminee' }
    assert.equal(pageHref(first, 'page', 2, { jusqua: '812' }), '/ventes?statut=terminee&jusqua=812&page=2')
    const second = { pathname: '/ventes', search: '?statut=terminee&jusqua=812&page=2' }
    assert.equal(pageHref(second, 'page', 1, { jusqua: '812' }), '/ventes?statut=terminee&jusqua=812')
  })

  test('two lists on one page: each link moves its own page only', () => {
    const at = { pathname: '/magasins/1/stock', search: '?page=2&dpage=3' }
    assert.equal(pageHref(at, 'dpage', 4), '/magasins/1/stock?page=2&dpage=4')
    assert.equal(pageHref(at, 'dpage', 1), '/magasins/1/stock?page=2')
  })

  test('page links encode what was typed', () => {
    assert.equal(pageHref({ pathname: '/produits', search: '?q=jus+d%27orange' }, 'page', 2), "/produits?q=jus+d%27orange&page=2")
  })
})

describe('back to the list after a post (post/redirect/get)', () => {
  test('the list as it was: filters and page kept, to the letter', () => {
    assert.equal(backTo(new URL('http://web.test/reapprovisionnements?statut=en_attente&magasin=2&page=3')), '/reapprovisionnements?statut=en_attente&magasin=2&page=3')
    assert.equal(backTo(new URL('http://web.test/entrepot')), '/entrepot')
  })

  test('without what is done with (the product a receipt was prefilled with)', () => {
    assert.equal(backTo(new URL('http://web.test/entrepot?q=lait&reception=ALI002&page=2'), ['reception']), '/entrepot?q=lait&page=2')
    assert.equal(backTo(new URL('http://web.test/entrepot?reception=ALI002'), ['reception']), '/entrepot')
  })
})

describe('filter choices', () => {
  test('fixed values, each with its label, in order', () => {
    assert.deepEqual(
      choicesOf(['rupture', 'normal'] as const, (status) => `état ${status}`),
      [
        { value: 'rupture', label: 'état rupture' },
        { value: 'normal', label: 'état normal' },
      ]
    )
  })

  test('named things by id', () => {
    assert.deepEqual(namedChoices([{ id: 3, name: 'Magasin Nord' }]), [{ value: 3, label: 'Magasin Nord' }])
  })
})
