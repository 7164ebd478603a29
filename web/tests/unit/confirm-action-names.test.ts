import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { en } from '../../app/lib/i18n/en.ts'
import { fr, type MessageKey } from '../../app/lib/i18n/fr.ts'
import { tsxSources } from '../support/app-sources.ts'

/** Every <ConfirmAction …/> written in a route, with its file. */
function confirmActions(): { file: string; element: string }[] {
  return tsxSources('routes').flatMap(({ file, text }) =>
    [...text.matchAll(/<ConfirmAction\b[\s\S]*?\/>/g)].map((match) => ({ file, element: match[0] }))
  )
}

function keyOf(element: string, prop: string): MessageKey | null {
  const match = new RegExp(`${prop}=\\{t\\('([\\w.]+)'`).exec(element)
  return match ? (match[1] as MessageKey) : null
}

// The visible label without its ellipsis: "Supprimer…" → "Supprimer".
const words = (text: string) => text.replace(/…$/, '').toLocaleLowerCase('fr-CA')

describe('confirm buttons (delete, revoke) are named after their record', () => {
  test('each names the record it acts on, and keeps its visible words, in both languages', () => {
    const uses = confirmActions()
    assert.ok(uses.length >= 4, `found ${uses.length} uses: categories, tokens, product and category pages`)
    for (const { file, element } of uses) {
      const label = keyOf(element, 'label')
      const name = keyOf(element, 'accessibleName')
      assert.ok(label, `${file}: a dictionary label`)
      assert.ok(name, `${file}: an accessible name from the dictionary`)
      // By its name (a category, a token) or, for a replenishment request, its number.
      assert.match(element, /accessibleName=\{t\('[\w.]+', \{ (name|id): /, `${file}: the name is the record's`)
      for (const dictionary of [fr, en]) {
        assert.match(dictionary[name], /\{(name|id)\}/, `${name} names the record`)
        // WCAG "label in name": a speech user says what they see.
        assert.ok(dictionary[name].toLocaleLowerCase('fr-CA').includes(words(dictionary[label])), `${name} contains "${dictionary[label]}"`)
      }
    }
  })
})
