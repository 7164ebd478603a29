import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { en, enAreas } from '../../app/lib/i18n/en.ts'
import { fr, frAreas } from '../../app/lib/i18n/fr.ts'
import { htmlLang, resolveLang, translate } from '../../app/lib/i18n/index.ts'

describe('translate', () => {
  test('looks a key up in the chosen language', () => {
    assert.equal(translate('fr', 'nav.logout'), 'Se déconnecter')
    assert.equal(translate('en', 'nav.logout'), 'Sign out')
  })

  test('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(translate('fr', 'api.rateLimitedWait', { minutes: 15 }), 'Trop de tentatives de connexion. Réessayez dans 15 min.')
    assert.equal(translate('en', 'pos.noMatch', { term: "Jus d'orange" }), 'No product matches “Jus d\'orange”.')
    assert.equal(translate('fr', 'pos.noMatch'), 'Aucun produit ne correspond à « {term} ».')
  })

  test('does not interpret values as templates or markup', () => {
    assert.equal(translate('fr', 'pos.noMatch', { term: '<b>{term}</b>' }), 'Aucun produit ne correspond à « <b>{term}</b> ».')
  })

  test('picks the singular or plural word by each language’s rule, from a formatted count', () => {
    assert.equal(translate('fr', 'reports.salesCount', { count: '0' }), '0 vente')
    assert.equal(translate('fr', 'reports.salesCount', { count: '1' }), '1 vente')
    assert.equal(translate('fr', 'reports.salesCount', { count: '2' }), '2 ventes')
    assert.equal(translate('fr', 'reports.salesCount', { count: '1\u00a0500' }), '1\u00a0500 ventes')
    assert.equal(translate('en', 'reports.salesCount', { count: 0 }), '0 sales')
    assert.equal(translate('en', 'reports.salesCount', { count: 1 }), '1 sale')
    assert.equal(translate('fr', 'pagination.status', { page: 1, pages: 1, total: 1 }), 'Page 1 sur 1 · 1 élément')
    // A value is inserted as it is, even when it looks like a plural choice.
    assert.equal(translate('fr', 'pos.noMatch', { term: '{count:a|b}' }), 'Aucun produit ne correspond à « {count:a|b} ».')
    // Without the count, the choice stays visible rather than guessing.
    assert.equal(translate('fr', 'reports.salesCount', {}), '{count} {count:vente|ventes}')
  })

  test('every French key has an English text and the placeholders agree', () => {
    // A plural choice ({count:vente|ventes}) names its count too; one language may need it where the other does not.
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]))].sort()
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      assert.ok(en[key], `en is missing ${key}`)
      assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), `placeholders of ${key}`)
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort())
  })

  test('each key lives in one area file, the same one in both languages', () => {
    // Spreading the areas into one dictionary would let a key defined twice override itself unseen.
    for (const [lang, areas, dictionary] of [['fr', frAreas, fr], ['en', enAreas, en]] as const) {
      const keys = Object.values(areas).flatMap((area) => Object.keys(area))
      const twice = keys.filter((key, index) => keys.indexOf(key) !== index)
      assert.deepEqual(twice, [], `${lang}: keys defined in two areas`)
      assert.equal(keys.length, Object.keys(dictionary).length, `${lang}: an area is missing from the dictionary`)
    }
    assert.deepEqual(Object.keys(enAreas), Object.keys(frAreas))
    for (const name of Object.keys(frAreas) as (keyof typeof frAreas)[]) {
      assert.deepEqual(Object.keys(enAreas[name]).sort(), Object.keys(frAreas[name]).sort(), `area ${name}`)
    }
  })
})

describe('resolveLang', () => {
  test('?lang= wins, then the cookie, then French', () => {
    assert.equal(resolveLang('en', 'fr'), 'en')
    assert.equal(resolveLang(null, 'en'), 'en')
    assert.equal(resolveLang(null, undefined), 'fr')
    assert.equal(resolveLang('de', 'xx'), 'fr')
    assert.equal(resolveLang('de', 'en'), 'en')
  })

  test('gives the html lang tag', () => {
    assert.equal(htmlLang('fr'), 'fr-CA')
    assert.equal(htmlLang('en'), 'en-CA')
  })
})
