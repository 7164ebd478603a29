import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { refocusTarget } from '../../app/lib/focus-after-submit.ts'

// Stand-ins for DOM elements: whether they are on the page, and the data-refocus of their form.
function element(isConnected: boolean, refocus: string | null = null): Element {
  const form = { getAttribute: (name: string) => (name === 'data-refocus' ? refocus : null) }
  return { isConnected, closest: (selector: string) => (selector === '[data-refocus]' && refocus !== null ? form : null) } as unknown as Element
}

describe('where the focus goes back once a form’s answer is on screen', () => {
  const link = element(true)
  const byId = (id: string) => (id === 'in-flight-7-link' ? link : null)

  test('the element that had it, while it is on the page', () => {
    const button = element(true, 'in-flight-7-link')
    assert.equal(refocusTarget(button, byId), button)
  })

  test('a button or a field its answer replaced: the successor its form names (a stock line’s request now in flight)', () => {
    assert.equal(refocusTarget(element(false, 'in-flight-7-link'), byId), link)
  })

  test('gone without a successor, or a successor not on the page: nothing', () => {
    assert.equal(refocusTarget(element(false), byId), null)
    assert.equal(refocusTarget(element(false, 'in-flight-8-link'), byId), null)
    assert.equal(refocusTarget(null, byId), null)
  })
})
