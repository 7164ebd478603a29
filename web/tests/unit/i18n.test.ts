import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { en } from '../../app/lib/i18n/en.ts'
import { fr } from '../../app/lib/i18n/fr.ts'
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

  test('every French key has an English text and the placeholders agree', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      assert.ok(en[key], `en is missing ${key}`)
      assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), `placeholders of ${key}`)
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort())
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
