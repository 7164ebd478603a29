import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { pageTitle } from '../../app/lib/meta.ts'
import { tsxSources } from '../support/app-sources.ts'

/** Each route module's `meta` export, as written (up to the first blank line). */
function metaExports(): { file: string; source: string }[] {
  return tsxSources('routes').flatMap(({ file, text }) => {
    const start = text.indexOf('export const meta')
    if (start < 0) return []
    const end = text.indexOf('\n\n', start)
    return [{ file, source: text.slice(start, end < 0 ? undefined : end) }]
  })
}

describe('page titles follow the reader’s language', () => {
  test('every route builds its title with pageTitle(), never from a literal', () => {
    const metas = metaExports()
    assert.ok(metas.length >= 25, `found ${metas.length} meta exports: the scan reads the routes`)
    for (const { file, source } of metas) {
      assert.match(source, /pageTitle\(matches,/, `${file}: its title goes through pageTitle()`)
      // A quoted or templated title ("Produits · Comptoir", `Reçu ${n}`) stays French in English mode.
      assert.doesNotMatch(source, /title:\s*(?:data\s*\?\s*)?['"`]/, `${file}: a title written out in the route`)
      assert.doesNotMatch(source, /['"`][^'"`]*·\s*Comptoir/, `${file}: a title written out in the route`)
    }
  })

  test('titles with a record’s name, in both languages', () => {
    const fr = [{ id: 'root', data: { lang: 'fr' } }]
    const en = [{ id: 'root', data: { lang: 'en' } }]
    assert.equal(pageTitle(fr, 'products.pageTitleOf', { name: 'Jus' }), 'Jus · Produits · Comptoir')
    assert.equal(pageTitle(en, 'products.pageTitleOf', { name: 'Jus' }), 'Jus · Products · Comptoir')
    assert.equal(pageTitle(fr, 'receipt.pageTitleOf', { number: 'R-0001' }), 'Reçu R-0001 · Comptoir')
    assert.equal(pageTitle(en, 'receipt.pageTitleOf', { number: 'R-0001' }), 'Receipt R-0001 · Comptoir')
    assert.equal(pageTitle(en, 'registers.pageTitleOf', { store: 'Nord' }), 'Nord · Registers · Comptoir')
    assert.equal(pageTitle(en, 'auth.title'), 'Sign in · Comptoir')
    assert.equal(pageTitle(fr, 'auth.title'), 'Connexion · Comptoir')
  })
})
