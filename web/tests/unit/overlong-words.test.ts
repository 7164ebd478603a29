import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { OVERLONG_RUN, overlongParts } from '../../app/lib/overlong-words.ts'

describe('overlongParts: only a run too long to be a word may break inside', () => {
  test('a name of ordinary words is one part, never broken', () => {
    assert.deepEqual(overlongParts('Jus de pamplemousse rose pressé à froid'), [{ text: 'Jus de pamplemousse rose pressé à froid', overlong: false }])
    assert.deepEqual(overlongParts('Fromage'), [{ text: 'Fromage', overlong: false }])
  })

  test('an overlong run is set apart, the words around it kept as typed', () => {
    const run = 'B'.repeat(60)
    assert.deepEqual(overlongParts(`Fromage ${run} bio`), [
      { text: 'Fromage ', overlong: false },
      { text: run, overlong: true },
      { text: ' bio', overlong: false },
    ])
    assert.deepEqual(overlongParts(run), [{ text: run, overlong: true }])
  })

  test('the limit: a run of OVERLONG_RUN letters is still a word; hyphens and spaces end a run', () => {
    const word = 'x'.repeat(OVERLONG_RUN)
    assert.deepEqual(overlongParts(word), [{ text: word, overlong: false }])
    assert.deepEqual(overlongParts(`${word}-${word}`), [{ text: `${word}-${word}`, overlong: false }])
    assert.deepEqual(overlongParts(`${word}x`), [{ text: `${word}x`, overlong: true }])
  })

  test('an empty name has no parts', () => {
    assert.deepEqual(overlongParts(''), [])
  })
})
