import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { legacyRedirect } from '../../app/lib/legacy-urls.ts'
import { LEGACY_URL_PAIRS } from '../support/legacy-urls.ts'

const none = new URLSearchParams()

describe('the original app’s URLs (seed-spec §2.1)', () => {
  test('each old page leads to its new home, with or without the trailing slash the original wrote', () => {
    const variants: [string, string][] = [
      ['/magasin', '/magasins'],
      ['/magasin/2/caisses/', '/magasins/2/caisses'],
    ]
    for (const [from, to] of [...LEGACY_URL_PAIRS, ...variants]) {
      assert.equal(legacyRedirect(from, none), to, from)
    }
  })

  test('the report page keeps its store filter when it is a store id', () => {
    assert.equal(legacyRedirect('/rapport/', new URLSearchParams('magasin_id=3')), '/rapports?magasin=3')
    assert.equal(legacyRedirect('/rapport/', new URLSearchParams('magasin_id=007')), '/rapports?magasin=7')
    for (const bad of ['0', '-1', 'abc', '1e3', '9999999999', '']) {
      assert.equal(legacyRedirect('/rapport/', new URLSearchParams({ magasin_id: bad })), '/rapports', bad)
    }
  })

  test('anything else is not an old URL: bad ids, other paths, new pages', () => {
    for (const path of ['/vente/abc', '/vente/0', '/caisse/1234567890', '/magasin/2/stock', '/produit/modifier/', '/vente/retours/', '/', '/magasins', '/caisses/4/vente', '/rapport/extra']) {
      assert.equal(legacyRedirect(path, none), null, path)
    }
  })
})
