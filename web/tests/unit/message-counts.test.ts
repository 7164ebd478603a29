import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatNumber } from '../../app/lib/format.ts'
import { translate } from '../../app/lib/i18n/index.ts'
import { appSources, tsxSources } from '../support/app-sources.ts'

// Placeholders that carry a count, a quantity or a total: translate() would
// insert the raw number ("1234"), where fr-CA writes "1 234" (formatNumber).
const COUNTS = new Set(['count', 'total', 'shown', 'page', 'pages', 'ruptures', 'critiques', 'faibles', 'quantity', 'balance', 'point', 'min', 'max'])

/** The text of `{ … }` starting at `open`, braces balanced. */
function objectAt(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i)
  }
  throw new Error('unbalanced braces')
}

/** "a: f(x, y), b" → [["a", "f(x, y)"], ["b", "b"]] (top-level commas only). */
function entries(object: string): [string, string][] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < object.length; i++) {
    const c = object[i]
    if ('([{'.includes(c!)) depth++
    else if (')]}'.includes(c!)) depth--
    else if (c === ',' && depth === 0) {
      parts.push(object.slice(start, i))
      start = i + 1
    }
  }
  parts.push(object.slice(start))
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':')
      return colon < 0 ? [part, part] : [part.slice(0, colon).trim(), part.slice(colon + 1).trim()]
    })
}

/** Every `t('key', { … })` written in the app's components and routes. */
function translateCalls(): { file: string; key: string; params: [string, string][] }[] {
  return tsxSources().flatMap(({ file, text }) => {
    return [...text.matchAll(/\bt\('([\w.]+)', \{/g)].map((match) => ({
      file,
      key: match[1]!,
      params: entries(objectAt(text, match.index + match[0].length - 1)),
    }))
  })
}

/** Every message built as data — `{ key, params: { … } }`, a notice or a refusal translated on the next page — in app/. */
function messageParams(): { file: string; params: [string, string][] }[] {
  return appSources().flatMap(({ file, text }) =>
    [...text.matchAll(/\bparams: \{/g)].map((match) => ({ file, params: entries(objectAt(text, match.index + match[0].length - 1)) }))
  )
}

/** The placeholders among `params` that carry a count and are not formatted. */
function rawCounts(params: [string, string][]): string[] {
  return params.filter(([name, value]) => COUNTS.has(name) && !/^format(?:Number|Money)\(/.test(value)).map(([name, value]) => `{${name}} = ${value}`)
}

describe('counts inside messages are written fr-CA', () => {
  test('every count placeholder gets formatNumber(), never the raw number', () => {
    const calls = translateCalls()
    assert.ok(calls.length >= 30, `found ${calls.length} calls: the scan reads the app`)
    assert.deepEqual(
      calls.flatMap(({ file, key, params }) => rawCounts(params).map((raw) => `${file}: ${key} ${raw}`)),
      []
    )
  })

  test('so does every message built as data (notices after an action, refusals), on the server too', () => {
    const built = messageParams()
    assert.ok(built.filter(({ file }) => file.endsWith('.server.ts')).length >= 10, `found ${built.length} objects: the scan reads the server modules`)
    assert.deepEqual(
      built.flatMap(({ file, params }) => rawCounts(params).map((raw) => `${file}: ${raw}`)),
      []
    )
  })

  test('a formatted count reads "1 234" in both languages', () => {
    const shown = formatNumber(20)
    const total = formatNumber(1234)
    assert.equal(translate('fr', 'pos.search.more', { shown, total }), translate('fr', 'pos.search.more', { shown: 20, total: '1\u00a0234' }))
    assert.match(translate('en', 'stores.partial', { shown, total }), /1\u00a0234/)
    assert.match(translate('fr', 'management.alertBreakdown', { ruptures: formatNumber(1500), critiques: '0', faibles: '0' }), /1\u00a0500/)
  })

  test('the stock alert breakdown never writes a plural noun after 1 or 0 ("1 critiques")', () => {
    const text = translate('fr', 'management.alertBreakdown', { ruptures: '1', critiques: '1', faibles: '0' })
    assert.doesNotMatch(text, /\b[01] (ruptures|critiques|faibles)\b/, text)
  })
})
